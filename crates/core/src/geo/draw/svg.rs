//! SVG numbers (rounded to two decimals here, at the edge: everything before stays `f64`) and
//! the countries' outlines as paths.

use crate::geo::projection::Point;

pub(super) fn r2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// Appends `v` rounded to two decimals, as short as it goes (`12.5`, `3`, `-0.25`): what
/// `r2(v).to_string()` gives, without the float formatter (a map writes thousands of them on
/// every draw). Not-a-number and infinities write `0`.
pub fn push_num(out: &mut String, v: f64) {
    push_decimal(out, v, 2);
}

/// Appends `v` rounded to `decimals` (at most 6) places, trailing zeros dropped, `-0` as `0`,
/// non-finite as `0`. Integer arithmetic only: the widget carries no float formatter.
pub fn push_decimal(out: &mut String, v: f64, decimals: u32) {
    let decimals = decimals.min(6);
    let unit = 10_u64.pow(decimals);
    let scaled = (v * unit as f64).round();
    if !scaled.is_finite() || scaled == 0.0 {
        out.push('0');
        return;
    }
    if scaled < 0.0 {
        out.push('-');
    }
    let scaled = scaled.abs();
    if scaled >= 9.0e18 {
        // Beyond u64: the integer part digit by digit (exact for the integers f64 holds).
        push_big(out, (v.abs()).trunc());
        return;
    }
    let n = scaled as u64;
    push_uint(out, n / unit);
    let mut frac = n % unit;
    if frac != 0 {
        let mut width = decimals;
        while frac.is_multiple_of(10) {
            frac /= 10;
            width -= 1;
        }
        out.push('.');
        // Leading zeros of the fraction (`0.05`): `frac` has fewer digits than `width`.
        let mut place = 10_u64.pow(width - 1);
        while frac < place {
            out.push('0');
            place /= 10;
        }
        push_uint(out, frac);
    }
}

fn push_big(out: &mut String, mut v: f64) {
    let mut digits = Vec::new();
    while v >= 1.0 {
        let d = v % 10.0;
        digits.push(char::from(b'0' + d as u8));
        v = ((v - d) / 10.0).round();
    }
    out.extend(digits.iter().rev());
}

/// [`push_decimal`] into a new string.
pub fn decimal(v: f64, decimals: u32) -> String {
    let mut s = String::new();
    push_decimal(&mut s, v, decimals);
    s
}

fn push_uint(out: &mut String, mut n: u64) {
    let mut digits = [0_u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[i..].iter().map(|&b| char::from(b)));
}

/// [`push_num`] into a new string.
pub fn num(v: f64) -> String {
    let mut s = String::new();
    push_num(&mut s, v);
    s
}

/// Appends `x,y`.
pub(super) fn push_point(out: &mut String, p: Point) {
    push_num(out, p.x);
    out.push(',');
    push_num(out, p.y);
}

/// Appends tenths `n` as a path number, as short as SVG allows: `-.9`, `.5`, `12`.
fn push_tenths(out: &mut String, n: i64) {
    let start = out.len();
    push_decimal(out, n as f64 / 10.0, 1);
    // `0.5` → `.5`, `-0.5` → `-.5`.
    let digits = if out[start..].starts_with('-') { start + 1 } else { start };
    if out[digits..].starts_with("0.") {
        out.remove(digits);
    }
}

/// An SVG path for closed rings, skipping points that fall within half a unit of the last. Each
/// ring starts with an absolute `M`, then one relative `l` with every further point as its offset
/// from the one before, taken between positions already rounded to tenths (so the points are
/// exactly where absolute coordinates put them: no error adds up along a ring), numbers written
/// as short as SVG reads them. A country's outline is about a third shorter than with absolute
/// `L` commands, and a quarter shorter again than with hundredths (the seed's reading page: its
/// outlines 18.7 → 13.1 KB brotli): it is most of a prerendered page's HTML, which must all
/// arrive before the page paints. A tenth of a unit is a fifth of the half unit the outline
/// already skips, at any zoom.
pub fn rings_path(rings: &[Vec<Point>]) -> String {
    let tenths = |v: f64| if v.is_finite() { (v * 10.0).round() as i64 } else { 0 };
    let mut d = String::new();
    for ring in rings {
        let mut last: Option<(Point, i64, i64)> = None;
        let mut count = 0;
        for p in ring {
            let (x, y) = (tenths(p.x), tenths(p.y));
            match last {
                Some((l, _, _)) if (p.x - l.x).abs() < 0.5 && (p.y - l.y).abs() < 0.5 => continue,
                Some((_, lx, ly)) => {
                    if count == 1 {
                        d.push('l');
                    } else if x - lx >= 0 {
                        d.push(' ');
                    }
                    push_tenths(&mut d, x - lx);
                    if y - ly >= 0 {
                        d.push(',');
                    }
                    push_tenths(&mut d, y - ly);
                }
                None => {
                    d.push('M');
                    push_tenths(&mut d, x);
                    d.push(',');
                    push_tenths(&mut d, y);
                }
            }
            last = Some((*p, x, y));
            count += 1;
        }
        if count > 0 {
            d.push('z');
        }
    }
    d
}
