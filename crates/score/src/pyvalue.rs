//! JSON values seen the way score.py's Python sees them: truthiness, `str()`,
//! and what `for x in v or []` iterates over. score.py is written against
//! whatever `json.load` returns, so agreeing with it on odd input (a number
//! where a string was expected, a string where a list was) means reproducing
//! these three rules, not rejecting the input.

use serde_json::Value;

/// Python's `bool(v)` for a parsed JSON value.
pub fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// `obj.get(key)` of a JSON object; `None` for a missing key and for a
/// value that is not an object (where Python would raise, the scorer reads
/// nothing).
pub fn get<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    v.as_object().and_then(|o| o.get(key))
}

/// `key in obj`: whether the object has the key, even with a null value.
pub fn has(v: &Value, key: &str) -> bool {
    v.as_object().is_some_and(|o| o.contains_key(key))
}

/// What `for x in (v or [])` visits: a list's elements, a string's
/// characters, an object's keys. A truthy number or `true` cannot be
/// iterated in Python (score.py stops with a TypeError); here it yields
/// nothing. Object keys come in sorted order, where Python keeps the file's.
pub fn iter_like_python(v: Option<&Value>) -> Vec<Value> {
    match v {
        Some(Value::Array(a)) => a.clone(),
        Some(Value::String(s)) => s.chars().map(|c| Value::String(c.to_string())).collect(),
        Some(Value::Object(o)) => o.keys().map(|k| Value::String(k.clone())).collect(),
        _ => Vec::new(),
    }
}

/// Python's `str(v)` of a parsed JSON value (`None` for `null`, `True`,
/// `1.0`, `['a', 1]`, `{'k': None}`).
pub fn py_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => py_repr(other),
    }
}

/// Python's `repr(v)`, as `str()` shows values nested in a list or dict.
fn py_repr(v: &Value) -> String {
    match v {
        Value::Null => "None".to_string(),
        Value::Bool(true) => "True".to_string(),
        Value::Bool(false) => "False".to_string(),
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => i.to_string(),
            (None, Some(u), _) => u.to_string(),
            (None, None, Some(f)) => py_float_repr(f),
            (None, None, None) => n.to_string(),
        },
        Value::String(s) => py_str_repr(s),
        Value::Array(a) => {
            let parts: Vec<String> = a.iter().map(py_repr).collect();
            format!("[{}]", parts.join(", "))
        }
        Value::Object(o) => {
            let parts: Vec<String> = o
                .iter()
                .map(|(k, v)| format!("{}: {}", py_str_repr(k), py_repr(v)))
                .collect();
            format!("{{{}}}", parts.join(", "))
        }
    }
}

/// `repr()` of a string: single quotes unless the text holds a single quote
/// and no double quote. Control characters are escaped as `\xNN`; Python also
/// escapes other non-printable characters, which minutes text does not hold.
fn py_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr(float)`: the shortest digits that read back, fixed
/// notation for exponents -4..16 (always with a decimal point), scientific
/// with a signed two-digit exponent outside.
pub fn py_float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    // Rust's `{:e}` gives the same shortest round-trip digits: "-1.25e-5".
    let sci = format!("{x:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((sci.as_str(), "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    if (-4..16).contains(&exp) {
        let body = if exp >= 0 {
            let point = exp as usize + 1;
            if digits.len() <= point {
                format!("{digits}{}.0", "0".repeat(point - digits.len()))
            } else {
                let (int, frac) = digits.split_at(point);
                format!("{int}.{frac}")
            }
        } else {
            format!("0.{}{digits}", "0".repeat((-exp - 1) as usize))
        };
        format!("{sign}{body}")
    } else {
        let (first, rest) = digits.split_at(1.min(digits.len()));
        let mantissa = if rest.is_empty() {
            first.to_string()
        } else {
            format!("{first}.{rest}")
        };
        let exp_sign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{mantissa}e{exp_sign}{:02}", exp.abs())
    }
}

/// Python's `round(x, 4)`: correctly rounded, ties to even on the exact
/// binary value — which is what Rust's fixed-precision formatting does.
pub fn round4(x: f64) -> f64 {
    format!("{x:.4}").parse().unwrap_or(x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn truthiness_follows_python() {
        for v in [
            json!(null),
            json!(false),
            json!(0),
            json!(0.0),
            json!(""),
            json!([]),
            json!({}),
        ] {
            assert!(!truthy(&v), "{v}");
        }
        for v in [
            json!(true),
            json!(2),
            json!("x"),
            json!([0]),
            json!({"a": null}),
        ] {
            assert!(truthy(&v), "{v}");
        }
    }

    #[test]
    fn str_of_values_follows_python() {
        assert_eq!(py_str(&json!("Anna")), "Anna");
        assert_eq!(py_str(&json!(null)), "None");
        assert_eq!(py_str(&json!(true)), "True");
        assert_eq!(py_str(&json!(7)), "7");
        assert_eq!(py_str(&json!(-7)), "-7");
        assert_eq!(py_str(&json!(7.0)), "7.0");
        assert_eq!(py_str(&json!(["a", 1, null])), "['a', 1, None]");
        assert_eq!(py_str(&json!({"k": "it's"})), "{'k': \"it's\"}");
    }

    #[test]
    fn float_repr_follows_python() {
        let cases = [
            (0.9167, "0.9167"),
            (1.0, "1.0"),
            (0.0, "0.0"),
            (-2.5, "-2.5"),
            (0.0001, "0.0001"),
            (0.00005, "5e-05"),
            (1.5e-7, "1.5e-07"),
            (1e16, "1e+16"),
            (123456789012345.6, "123456789012345.6"),
            (2e20, "2e+20"),
            (1234.5, "1234.5"),
        ];
        for (x, want) in cases {
            assert_eq!(py_float_repr(x), want, "{x}");
        }
    }

    #[test]
    fn rounding_ties_go_to_even_as_in_python() {
        assert_eq!(round4(0.03125), 0.0312);
        assert_eq!(round4(0.16666666666666666), 0.1667);
        assert_eq!(round4(1.0), 1.0);
    }

    #[test]
    fn iteration_follows_python() {
        assert_eq!(
            iter_like_python(Some(&json!("ab"))),
            vec![json!("a"), json!("b")]
        );
        assert_eq!(iter_like_python(Some(&json!({"k": 1}))), vec![json!("k")]);
        assert_eq!(
            iter_like_python(Some(&json!([1, 2]))),
            vec![json!(1), json!(2)]
        );
        assert!(iter_like_python(Some(&json!(5))).is_empty());
        assert!(iter_like_python(None).is_empty());
    }
}
