//! Counting: true/false positives and negatives micro-averaged over the
//! documents, and accuracies of attributes of what was matched.

use crate::pyvalue::{py_float_repr, round4};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

/// True positives, false positives and false negatives of one kind of thing,
/// summed over the documents (micro-averaging).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Matched.
    pub tp: i64,
    /// Found but not in the gold. Negative when several gold entries share
    /// one found entry (two gold participants of the same name), as in score.py.
    pub fp: i64,
    /// In the gold but not found.
    pub fn_: i64,
}

impl Tally {
    /// Adds one document: `tp` matches among `found` found and `gold` gold.
    pub fn add(&mut self, tp: usize, found: usize, gold: usize) {
        let (tp, found, gold) = (tp as i64, found as i64, gold as i64);
        self.tp += tp;
        self.fp += found - tp;
        self.fn_ += gold - tp;
    }

    /// Precision, recall and F1. Nothing found and nothing to find is a
    /// precision of 1; nothing found but something to find, 0.
    pub fn prf(&self) -> (f64, f64, f64) {
        let (tp, fp, fn_) = (self.tp as f64, self.fp as f64, self.fn_ as f64);
        let p = if self.tp + self.fp != 0 {
            tp / (tp + fp)
        } else if self.fn_ == 0 {
            1.0
        } else {
            0.0
        };
        let r = if self.tp + self.fn_ != 0 {
            tp / (tp + fn_)
        } else {
            1.0
        };
        let f = if p + r != 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

/// How many of the checked attributes were right.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ratio {
    /// Right.
    pub ok: i64,
    /// Checked.
    pub n: i64,
}

impl Ratio {
    /// Counts one check.
    pub fn add(&mut self, ok: bool) {
        self.n += 1;
        self.ok += i64::from(ok);
    }

    /// The share right; `None` when nothing was checked (no evidence is not
    /// a perfect score).
    pub fn value(&self) -> Option<f64> {
        (self.n > 0).then(|| self.ok as f64 / self.n as f64)
    }
}

/// One metric of the summary, rounded to four decimals as score.py prints it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Metric {
    /// A kind of thing found: precision, recall, F1 and the counts.
    Found {
        /// Precision.
        precision: f64,
        /// Recall.
        recall: f64,
        /// F1.
        f1: f64,
        /// Matched.
        tp: i64,
        /// Found but not in the gold.
        fp: i64,
        /// In the gold but not found.
        #[serde(rename = "fn")]
        fn_: i64,
    },
    /// An attribute checked on what was matched.
    Accuracy {
        /// The share right; `null` when nothing was checked.
        accuracy: Option<f64>,
        /// Checked.
        n: i64,
    },
}

impl Metric {
    /// The metric of a tally.
    pub fn of_tally(t: &Tally) -> Self {
        let (p, r, f) = t.prf();
        Metric::Found {
            precision: round4(p),
            recall: round4(r),
            f1: round4(f),
            tp: t.tp,
            fp: t.fp,
            fn_: t.fn_,
        }
    }

    /// The metric of a ratio.
    pub fn of_ratio(r: &Ratio) -> Self {
        Metric::Accuracy {
            accuracy: r.value().map(round4),
            n: r.n,
        }
    }

    /// A field by its score.py name (`f1`, `precision`, `recall`, `tp`, `fp`,
    /// `fn`, `accuracy`, `n`); `None` when the metric has no such field or
    /// its value is `null`.
    pub fn field(&self, name: &str) -> Option<FieldValue> {
        match (self, name) {
            (Metric::Found { precision, .. }, "precision") => Some(FieldValue::Float(*precision)),
            (Metric::Found { recall, .. }, "recall") => Some(FieldValue::Float(*recall)),
            (Metric::Found { f1, .. }, "f1") => Some(FieldValue::Float(*f1)),
            (Metric::Found { tp, .. }, "tp") => Some(FieldValue::Int(*tp)),
            (Metric::Found { fp, .. }, "fp") => Some(FieldValue::Int(*fp)),
            (Metric::Found { fn_, .. }, "fn") => Some(FieldValue::Int(*fn_)),
            (Metric::Accuracy { accuracy, .. }, "accuracy") => accuracy.map(FieldValue::Float),
            (Metric::Accuracy { n, .. }, "n") => Some(FieldValue::Int(*n)),
            _ => None,
        }
    }
}

/// The value of one field of a metric, an integer count or a rounded share.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FieldValue {
    /// A count.
    Int(i64),
    /// A share, rounded to four decimals.
    Float(f64),
}

impl FieldValue {
    /// As a number to compare with a floor.
    pub fn as_f64(&self) -> f64 {
        match self {
            FieldValue::Int(i) => *i as f64,
            FieldValue::Float(x) => *x,
        }
    }
}

impl std::fmt::Display for FieldValue {
    /// As Python prints it (`0.9`, `1.0`, `12`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FieldValue::Int(i) => write!(f, "{i}"),
            FieldValue::Float(x) => f.write_str(&py_float_repr(*x)),
        }
    }
}

/// The summary: metrics by name, in score.py's order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary(pub Vec<(String, Metric)>);

impl Summary {
    /// The metric of this name.
    pub fn get(&self, name: &str) -> Option<&Metric> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, m)| m)
    }
}

impl Serialize for Summary {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, metric) in &self.0 {
            map.serialize_entry(name, metric)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_recall_and_f1_micro_average() {
        let mut t = Tally::default();
        t.add(3, 4, 5);
        t.add(1, 1, 1);
        assert_eq!((t.tp, t.fp, t.fn_), (4, 1, 2));
        let (p, r, f) = t.prf();
        assert_eq!((p, r), (0.8, 4.0 / 6.0));
        assert!((f - 2.0 * 0.8 * (4.0 / 6.0) / (0.8 + 4.0 / 6.0)).abs() < 1e-12);
    }

    #[test]
    fn empty_tallies_follow_score_py() {
        assert_eq!(Tally::default().prf(), (1.0, 1.0, 1.0));
        let mut missed = Tally::default();
        missed.add(0, 0, 3);
        assert_eq!(missed.prf(), (0.0, 0.0, 0.0));
        let mut extra = Tally::default();
        extra.add(0, 2, 0);
        assert_eq!(extra.prf(), (0.0, 1.0, 0.0));
    }

    #[test]
    fn a_ratio_with_no_checks_has_no_value() {
        let mut r = Ratio::default();
        assert_eq!(r.value(), None);
        r.add(true);
        r.add(false);
        r.add(true);
        assert_eq!(
            Metric::of_ratio(&r),
            Metric::Accuracy {
                accuracy: Some(0.6667),
                n: 3
            }
        );
    }

    #[test]
    fn metrics_serialise_as_score_py_prints_them() {
        let mut t = Tally::default();
        t.add(2, 3, 2);
        let s = Summary(vec![
            ("items".into(), Metric::of_tally(&t)),
            ("due".into(), Metric::of_ratio(&Ratio::default())),
        ]);
        assert_eq!(
            serde_json::to_string(&s).unwrap_or_default(),
            r#"{"items":{"precision":0.6667,"recall":1.0,"f1":0.8,"tp":2,"fp":1,"fn":0},"due":{"accuracy":null,"n":0}}"#
        );
        assert_eq!(
            s.get("items").and_then(|m| m.field("fn")),
            Some(FieldValue::Int(0))
        );
        assert_eq!(s.get("due").and_then(|m| m.field("accuracy")), None);
        assert_eq!(FieldValue::Float(1.0).to_string(), "1.0");
    }
}
