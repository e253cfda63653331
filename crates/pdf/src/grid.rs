//! Table grids from ruling lines.
//!
//! Rows come from the table's horizontal rules, not from text positions: in
//! LibreOffice PDFs the item number sits vertically centred in its row, so
//! baselines alone would misplace it. Rules that touch each other form a
//! component; a component with at least two columns and one row is a grid.
//! Double borders (HTML tables with cell spacing) collapse into one boundary.

use crate::interp::Rule;

/// Rules closer than this (points) are one boundary.
const MERGE: f32 = 3.5;
/// How far rules may miss each other and still touch.
const TOUCH: f32 = 3.0;

/// A table grid on one page.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// Column boundaries, left to right (n columns → n + 1 values).
    pub xs: Vec<f32>,
    /// Row boundaries, top to bottom.
    pub ys: Vec<f32>,
    /// Vertical rules of the grid, for merged-cell detection.
    pub vrules: Vec<Rule>,
    /// The first row has no top rule: it continues from the previous page.
    pub open_top: bool,
    /// The last row has no bottom rule: it continues on the next page.
    pub open_bottom: bool,
}

impl Grid {
    /// Bounding box x0, y0, x1, y1.
    pub fn bbox(&self) -> [f32; 4] {
        [
            self.xs.first().copied().unwrap_or(0.),
            self.ys.first().copied().unwrap_or(0.),
            self.xs.last().copied().unwrap_or(0.),
            self.ys.last().copied().unwrap_or(0.),
        ]
    }

    /// Number of columns.
    pub fn cols(&self) -> usize {
        self.xs.len().saturating_sub(1)
    }

    /// Number of rows.
    pub fn rows(&self) -> usize {
        self.ys.len().saturating_sub(1)
    }

    /// The cell (row, column) containing a point, if inside.
    #[inline]
    pub fn cell_at(&self, x: f32, y: f32) -> Option<(usize, usize)> {
        let b = self.bbox();
        if x < b[0] - 1. || x > b[2] + 1. || y < b[1] - 1. || y > b[3] + 1. {
            return None;
        }
        let c = self
            .xs
            .iter()
            .skip(1)
            .position(|v| x <= *v)
            .unwrap_or(self.cols().saturating_sub(1));
        let r = self
            .ys
            .iter()
            .skip(1)
            .position(|v| y <= *v)
            .unwrap_or(self.rows().saturating_sub(1));
        Some((r, c))
    }

    /// Is there a vertical rule at boundary `k` crossing row `r`'s middle?
    pub fn has_divider(&self, r: usize, k: usize) -> bool {
        let (Some(x), Some(y0), Some(y1)) = (self.xs.get(k), self.ys.get(r), self.ys.get(r + 1))
        else {
            return true;
        };
        let mid = (y0 + y1) / 2.;
        self.vrules.iter().any(|v| {
            (v.x0 + v.x1) / 2. > x - MERGE
                && (v.x0 + v.x1) / 2. < x + MERGE
                && v.y0 <= mid
                && v.y1 >= mid
        })
    }
}

fn touches(h: &Rule, v: &Rule) -> bool {
    v.x1 >= h.x0 - TOUCH && v.x0 <= h.x1 + TOUCH && h.y1 >= v.y0 - TOUCH && h.y0 <= v.y1 + TOUCH
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Cluster sorted values: a new cluster when the gap exceeds `MERGE`; each
/// cluster is represented by its middle.
fn cluster(mut v: Vec<f32>) -> Vec<f32> {
    v.sort_by(f32::total_cmp);
    let mut out: Vec<f32> = Vec::new();
    let mut start = None;
    let mut last = 0f32;
    for x in v {
        match start {
            Some(s) if x - last <= MERGE => {
                last = x;
                let _ = s;
            }
            Some(s) => {
                out.push((s + last) / 2.);
                start = Some(x);
                last = x;
            }
            None => {
                start = Some(x);
                last = x;
            }
        }
    }
    if let Some(s) = start {
        out.push((s + last) / 2.);
    }
    out
}

/// Find grids among a page's rules. Returns the grids and, for each rule,
/// whether it belongs to one (such rules are not strike-through candidates).
pub fn find_grids(rules: &[Rule]) -> (Vec<Grid>, Vec<bool>) {
    let mut used = vec![false; rules.len()];
    let hs: Vec<usize> = (0..rules.len())
        .filter(|&i| rules[i].is_horizontal() && rules[i].x1 - rules[i].x0 > 4.)
        .collect();
    let vs: Vec<usize> = (0..rules.len())
        .filter(|&i| !rules[i].is_horizontal() && rules[i].y1 - rules[i].y0 > 4.)
        .collect();
    if hs.len() < 2 || vs.is_empty() || hs.len() * vs.len() > 4_000_000 {
        return (Vec::new(), used);
    }
    let mut parent: Vec<usize> = (0..rules.len()).collect();
    for &h in &hs {
        for &v in &vs {
            if touches(&rules[h], &rules[v]) {
                let (a, b) = (find(&mut parent, h), find(&mut parent, v));
                if a != b {
                    parent[a] = b;
                }
            }
        }
    }
    let mut comps: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for &i in hs.iter().chain(vs.iter()) {
        let root = find(&mut parent, i);
        comps.entry(root).or_default().push(i);
    }
    // Rules that belong to some table-like component: never absorbed by
    // another table.
    let mut in_comp = vec![false; rules.len()];
    for members in comps.values() {
        if members.len() > 1 {
            for &i in members {
                in_comp[i] = true;
            }
        }
    }
    let mut grids = Vec::new();
    for members in comps.values() {
        let h: Vec<&Rule> = members
            .iter()
            .map(|&i| &rules[i])
            .filter(|r| r.is_horizontal())
            .collect();
        let v: Vec<&Rule> = members
            .iter()
            .map(|&i| &rules[i])
            .filter(|r| !r.is_horizontal())
            .collect();
        if h.len() < 2 || v.is_empty() {
            continue;
        }
        // Word's "inside borders only" tables have no outer verticals: the
        // horizontal rules' ends stand in for them.
        let hx0 = h.iter().map(|r| r.x0).fold(f32::MAX, f32::min);
        let hx1 = h.iter().map(|r| r.x1).fold(f32::MIN, f32::max);
        let mut mids: Vec<f32> = v.iter().map(|r| (r.x0 + r.x1) / 2.).collect();
        mids.push(hx0);
        mids.push(hx1);
        let xs = cluster(mids);
        let ys = cluster(h.iter().map(|r| (r.y0 + r.y1) / 2.).collect());
        // Not a table of minutes (and cell lookups would get slow).
        if xs.len() < 3 || ys.len() < 2 || xs.len() > 100 || ys.len() > 2_000 || v.len() > 5_000 {
            continue;
        }
        // Row boundaries run from one column boundary to another; an
        // underline or strike-through inside a cell does not.
        let near = |x: f32| xs.iter().any(|b| (b - x).abs() <= MERGE + 1.0);
        let (gx0, gx1) = (xs[0], xs[xs.len() - 1]);
        let mut cand: Vec<usize> = Vec::new();
        for &i in members {
            let r = &rules[i];
            if !r.is_horizontal() {
                used[i] = true;
            } else if near(r.x0) && near(r.x1) {
                cand.push(i);
            }
        }
        // A last row whose cells are merged has no vertical rule to connect
        // its bottom rule: take full-width rules just above or below.
        let full =
            |r: &Rule| (r.x0 - gx0).abs() <= MERGE + 1.0 && (r.x1 - gx1).abs() <= MERGE + 1.0;
        for _ in 0..2 {
            let top = cand.iter().map(|&i| rules[i].y0).fold(f32::MAX, f32::min);
            let bot = cand.iter().map(|&i| rules[i].y1).fold(f32::MIN, f32::max);
            let extra: Vec<usize> = hs
                .iter()
                .copied()
                .filter(|&i| !cand.contains(&i) && !in_comp[i])
                .filter(|&i| {
                    let r = &rules[i];
                    full(r)
                        && ((r.y0 < top && r.y0 > top - 60.) || (r.y1 > bot && r.y1 < bot + 60.))
                })
                .collect();
            if extra.is_empty() {
                break;
            }
            cand.extend(extra);
        }
        // Keep boundaries whose rules cover the table's width: a rule under
        // one column only is inside a cell that spans rows.
        let mut segs: Vec<(f32, f32, f32)> = cand
            .iter()
            .map(|&i| {
                used[i] = true;
                let r = &rules[i];
                ((r.y0 + r.y1) / 2., r.x0.max(gx0), r.x1.min(gx1))
            })
            .collect();
        segs.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut row_rules = Vec::new();
        let mut k = 0;
        while k < segs.len() {
            let mut e = k + 1;
            while e < segs.len() && segs[e].0 - segs[e - 1].0 <= MERGE {
                e += 1;
            }
            let mut iv: Vec<(f32, f32)> = segs[k..e].iter().map(|s| (s.1, s.2)).collect();
            iv.sort_by(|a, b| a.0.total_cmp(&b.0));
            let mut covered = 0.;
            let mut reach = f32::MIN;
            for (a, b) in iv {
                let a = a.max(reach);
                if b > a {
                    covered += b - a;
                }
                reach = reach.max(b);
            }
            if covered >= 0.9 * (gx1 - gx0) {
                row_rules.push((segs[k].0 + segs[e - 1].0) / 2.);
            }
            k = e;
        }
        let mut ys = cluster(row_rules);
        if ys.is_empty() {
            continue;
        }
        // Vertical rules running past the first or last row rule: the table
        // continues from the previous page or onto the next one.
        let vtop = v.iter().map(|r| r.y0).fold(f32::MAX, f32::min);
        let vbot = v.iter().map(|r| r.y1).fold(f32::MIN, f32::max);
        let mut open_top = false;
        let mut open_bottom = false;
        if vtop < ys[0] - 2. * MERGE {
            ys.insert(0, vtop);
            open_top = true;
        }
        if let Some(last) = ys.last().copied()
            && vbot > last + 2. * MERGE
        {
            ys.push(vbot);
            open_bottom = true;
        }
        if ys.len() < 2 {
            continue;
        }
        grids.push(Grid {
            xs,
            ys,
            vrules: v.into_iter().copied().collect(),
            open_top,
            open_bottom,
        });
    }
    grids.sort_by(|a, b| a.bbox()[1].total_cmp(&b.bbox()[1]));
    // Rows whose cells are merged across all columns have no vertical rule
    // and split one table into several: join stacked grids with the same
    // columns.
    let mut merged: Vec<Grid> = Vec::with_capacity(grids.len());
    for g in grids {
        if let Some(last) = merged.last_mut() {
            let same_cols = last.xs.len() == g.xs.len()
                && last
                    .xs
                    .iter()
                    .zip(&g.xs)
                    .all(|(a, b)| (a - b).abs() <= 2. * MERGE);
            let gap = g.bbox()[1] - last.bbox()[3];
            if same_cols && (-MERGE..=30.).contains(&gap) {
                let mut ys = last.ys.clone();
                ys.extend(g.ys.iter().copied());
                last.ys = cluster(ys);
                last.vrules.extend(g.vrules);
                last.open_bottom = g.open_bottom;
                continue;
            }
        }
        merged.push(g);
    }
    (merged, used)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(x0: f32, x1: f32, y: f32) -> Rule {
        Rule {
            x0,
            y0: y - 0.25,
            x1,
            y1: y + 0.25,
        }
    }
    fn v(x: f32, y0: f32, y1: f32) -> Rule {
        Rule {
            x0: x - 0.25,
            y0,
            x1: x + 0.25,
            y1,
        }
    }

    #[test]
    fn two_by_two_grid() {
        let rules = vec![
            h(10., 210., 100.),
            h(10., 210., 150.),
            h(10., 210., 200.),
            v(10., 100., 200.),
            v(60., 100., 200.),
            v(210., 100., 200.),
            h(300., 340., 400.),
        ];
        let (grids, used) = find_grids(&rules);
        assert_eq!(grids.len(), 1);
        assert_eq!(grids[0].cols(), 2);
        assert_eq!(grids[0].rows(), 2);
        assert_eq!(grids[0].cell_at(100., 170.), Some((1, 1)));
        assert!(!used[6]);
    }

    #[test]
    fn inside_borders_only() {
        let rules = vec![
            h(10., 210., 100.),
            h(10., 210., 150.),
            h(10., 210., 200.),
            v(60., 100., 200.),
        ];
        let (grids, _) = find_grids(&rules);
        assert_eq!(grids.len(), 1);
        assert_eq!(grids[0].cols(), 2);
        assert_eq!(grids[0].rows(), 2);
    }

    #[test]
    fn double_borders_collapse() {
        let rules = vec![
            h(10., 210., 100.),
            h(11.5, 208.5, 101.5),
            h(10., 210., 200.),
            v(10., 100., 200.),
            v(11.5, 101.5, 198.5),
            v(100., 100., 200.),
            v(101.5, 101.5, 198.5),
            v(210., 100., 200.),
        ];
        let (grids, _) = find_grids(&rules);
        assert_eq!(grids.len(), 1);
        assert_eq!(grids[0].cols(), 2);
    }
}
