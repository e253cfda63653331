//! Counters spelled as list labels are: roman numerals and Word's letters,
//! one spelling for every reader that numbers lists itself (.docx, .doc,
//! .odt).

/// Lower-case roman numerals ("xiv"); numbers outside 1–3999 as digits.
pub fn roman(n: u32) -> String {
    if !(1..4000).contains(&n) {
        return n.to_string();
    }
    let mut n = n;
    let mut s = String::new();
    for (v, r) in [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ] {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// Lower-case letters as Word counts: a..z, then aa, bb… (the letter
/// repeated, at most 64 times); 0 as a digit.
pub fn letters(n: u32) -> String {
    if n < 1 {
        return n.to_string();
    }
    let n = (n - 1) as usize;
    let c = (b'a' + (n % 26) as u8) as char;
    std::iter::repeat_n(c, (n / 26 + 1).min(64)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals_and_letters() {
        assert_eq!(roman(14), "xiv");
        assert_eq!(roman(1994), "mcmxciv");
        assert_eq!(roman(0), "0");
        assert_eq!(roman(4000), "4000");
        assert_eq!(letters(1), "a");
        assert_eq!(letters(26), "z");
        assert_eq!(letters(28), "bb");
        assert_eq!(letters(0), "0");
    }
}
