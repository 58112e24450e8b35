//! Lambert conformal conic projection (spherical), its inverse, and fitting to a viewport.
//!
//! Conformal conics keep shapes true around their standard parallels, which suits a band of
//! mid-latitude Eurasia from the Atlantic to the Pacific (as d3-geo's `geoConicConformal`).
//! Output is in screen units: x to the right, y down.

use std::f64::consts::{FRAC_PI_2, FRAC_PI_4};

/// A longitude/latitude pair in degrees.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LonLat {
    /// Longitude, degrees east.
    pub lon: f64,
    /// Latitude, degrees north.
    pub lat: f64,
}

/// A projected point in screen units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// Pixels to the right of the frame's left edge.
    pub x: f64,
    /// Pixels down from the frame's top edge.
    pub y: f64,
}

/// A lon/lat box: `[[lon_min, lat_min], [lon_max, lat_max]]`.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Bounds {
    /// South-west corner.
    pub min: LonLat,
    /// North-east corner.
    pub max: LonLat,
}

/// A Lambert conformal conic projection with a scale and a translation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Conic {
    lon0: f64,
    n: f64,
    f: f64,
    rho0: f64,
    scale: f64,
    tx: f64,
    ty: f64,
}

fn rad(d: f64) -> f64 {
    d.to_radians()
}

impl Conic {
    /// A projection centred on `lon0`/`lat0` with standard parallels `phi1`, `phi2` (degrees),
    /// unit scale and no translation.
    pub fn new(lon0: f64, lat0: f64, phi1: f64, phi2: f64) -> Self {
        let (p1, p2) = (rad(phi1), rad(phi2));
        let t = |p: f64| (FRAC_PI_4 + p / 2.0).tan();
        let n = if (p1 - p2).abs() < 1e-9 { p1.sin() } else { (p1.cos() / p2.cos()).ln() / (t(p2) / t(p1)).ln() };
        let f = p1.cos() * t(p1).powf(n) / n;
        let rho0 = f / t(rad(lat0)).powf(n);
        Self { lon0, n, f, rho0, scale: 1.0, tx: 0.0, ty: 0.0 }
    }

    /// A projection suited to `bounds`: centred on it, standard parallels at one sixth and
    /// five sixths of its latitude span (the usual rule of thumb).
    pub fn for_bounds(bounds: Bounds) -> Self {
        let span = bounds.max.lat - bounds.min.lat;
        let lat0 = (bounds.min.lat + bounds.max.lat) / 2.0;
        let lon0 = (bounds.min.lon + bounds.max.lon) / 2.0;
        Self::new(lon0, lat0, bounds.min.lat + span / 6.0, bounds.max.lat - span / 6.0)
    }

    fn raw(&self, p: LonLat) -> (f64, f64) {
        // Clamp the pole on the cone's far side, where ρ diverges.
        let lat = rad(p.lat).clamp(-FRAC_PI_2 + 1e-6, FRAC_PI_2 - 1e-6);
        let rho = self.f / (FRAC_PI_4 + lat / 2.0).tan().powf(self.n);
        let mut dl = p.lon - self.lon0;
        dl = (dl + 540.0).rem_euclid(360.0) - 180.0;
        let theta = self.n * rad(dl);
        (rho * theta.sin(), self.rho0 - rho * theta.cos())
    }

    /// Projects a point to screen units.
    pub fn project(&self, p: LonLat) -> Point {
        let (x, y) = self.raw(p);
        Point { x: x * self.scale + self.tx, y: -y * self.scale + self.ty }
    }

    /// The lon/lat of a screen point (the inverse of [`Conic::project`]).
    pub fn invert(&self, p: Point) -> LonLat {
        let x = (p.x - self.tx) / self.scale;
        let y = -(p.y - self.ty) / self.scale;
        let dy = self.rho0 - y;
        let rho = self.n.signum() * (x * x + dy * dy).sqrt();
        let mut theta = x.abs().atan2(dy.abs()) * x.signum();
        if dy * self.n < 0.0 {
            theta -= std::f64::consts::PI * x.signum() * dy.signum();
        }
        let lat = 2.0 * (self.f / rho).powf(1.0 / self.n).atan() - FRAC_PI_2;
        LonLat { lon: self.lon0 + (theta / self.n).to_degrees(), lat: lat.to_degrees() }
    }

    /// Scales and translates so `bounds` fits `width`×`height` with `padding` on every side,
    /// centred. Samples the box's edges, since a conic bends parallels into arcs.
    pub fn fit(mut self, bounds: Bounds, width: f64, height: f64, padding: f64) -> Self {
        self.scale = 1.0;
        self.tx = 0.0;
        self.ty = 0.0;
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        const STEPS: usize = 16;
        for i in 0..=STEPS {
            let t = i as f64 / STEPS as f64;
            let lon = bounds.min.lon + t * (bounds.max.lon - bounds.min.lon);
            let lat = bounds.min.lat + t * (bounds.max.lat - bounds.min.lat);
            for p in [
                LonLat { lon, lat: bounds.min.lat },
                LonLat { lon, lat: bounds.max.lat },
                LonLat { lon: bounds.min.lon, lat },
                LonLat { lon: bounds.max.lon, lat },
            ] {
                let q = self.project(p);
                x0 = x0.min(q.x);
                y0 = y0.min(q.y);
                x1 = x1.max(q.x);
                y1 = y1.max(q.y);
            }
        }
        let (w, h) = ((width - 2.0 * padding).max(1.0), (height - 2.0 * padding).max(1.0));
        let k = (w / (x1 - x0)).min(h / (y1 - y0));
        self.scale = k;
        self.tx = (width - k * (x1 + x0)) / 2.0;
        self.ty = (height - k * (y1 + y0)) / 2.0;
        self
    }

    /// How to get from `home`'s screen coordinates to this projection's, when both share the
    /// same cone (only scale and translation differ): `(k, dx, dy)` with
    /// `self.project(p) = k · home.project(p) + (dx, dy)`. An SVG `transform` does the rest.
    pub fn relative_to(&self, home: &Conic) -> (f64, f64, f64) {
        let k = self.scale / home.scale;
        (k, self.tx - home.tx * k, self.ty - home.ty * k)
    }

    /// The current scale factor (screen units per radian-ish unit), for zooming.
    pub fn scale(&self) -> f64 {
        self.scale
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EURASIA: Bounds = Bounds { min: LonLat { lon: -25.0, lat: 0.0 }, max: LonLat { lon: 150.0, lat: 75.0 } };

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn project_then_invert_round_trips() {
        let conic = Conic::for_bounds(EURASIA).fit(EURASIA, 800.0, 500.0, 10.0);
        for (lon, lat) in [(27.56, 53.9), (116.4, 39.9), (-20.0, 5.0), (149.0, 74.0), (0.0, 0.0), (100.0, 45.0)] {
            let back = conic.invert(conic.project(LonLat { lon, lat }));
            assert!(close(back.lon, lon, 1e-9) && close(back.lat, lat, 1e-9), "{lon},{lat} → {back:?}");
        }
    }

    #[test]
    fn another_view_is_a_scale_and_shift_of_the_home_view() {
        let home = Conic::for_bounds(EURASIA).fit(EURASIA, 800.0, 500.0, 8.0);
        let belarus = Bounds { min: LonLat { lon: 23.0, lat: 51.0 }, max: LonLat { lon: 33.0, lat: 56.5 } };
        let zoomed = Conic::for_bounds(EURASIA).fit(belarus, 800.0, 500.0, 8.0);
        let (k, dx, dy) = zoomed.relative_to(&home);
        assert!(k > 5.0, "zooming to Belarus magnifies: {k}");
        for (lon, lat) in [(27.56, 53.9), (116.4, 39.9), (-20.0, 5.0)] {
            let (h, z) = (home.project(LonLat { lon, lat }), zoomed.project(LonLat { lon, lat }));
            assert!(close(h.x * k + dx, z.x, 1e-6) && close(h.y * k + dy, z.y, 1e-6));
        }
    }

    #[test]
    fn north_is_up_and_east_is_right_at_the_centre() {
        let conic = Conic::for_bounds(EURASIA).fit(EURASIA, 800.0, 500.0, 0.0);
        let minsk = conic.project(LonLat { lon: 27.56, lat: 53.9 });
        let beijing = conic.project(LonLat { lon: 116.4, lat: 39.9 });
        assert!(beijing.x > minsk.x, "Beijing is east of Minsk");
        let north = conic.project(LonLat { lon: 62.5, lat: 60.0 });
        let south = conic.project(LonLat { lon: 62.5, lat: 20.0 });
        assert!(north.y < south.y, "north is up");
    }

    #[test]
    fn fitting_fills_the_frame_without_overflow() {
        let (w, h, pad) = (800.0, 500.0, 12.0);
        let conic = Conic::for_bounds(EURASIA).fit(EURASIA, w, h, pad);
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for i in 0..=100 {
            let t = i as f64 / 100.0;
            for p in [
                LonLat { lon: -25.0 + 175.0 * t, lat: 0.0 },
                LonLat { lon: -25.0 + 175.0 * t, lat: 75.0 },
                LonLat { lon: -25.0, lat: 75.0 * t },
                LonLat { lon: 150.0, lat: 75.0 * t },
            ] {
                let q = conic.project(p);
                x0 = x0.min(q.x);
                y0 = y0.min(q.y);
                x1 = x1.max(q.x);
                y1 = y1.max(q.y);
            }
        }
        assert!(x0 >= pad - 0.5 && y0 >= pad - 0.5 && x1 <= w - pad + 0.5 && y1 <= h - pad + 0.5, "{x0} {y0} {x1} {y1}");
        // One dimension is filled (within the edge sampling's error), and the box is centred.
        assert!(close(x1 - x0, w - 2.0 * pad, 1.0) || close(y1 - y0, h - 2.0 * pad, 1.0));
        assert!(close((x0 + x1) / 2.0, w / 2.0, 0.5) && close((y0 + y1) / 2.0, h / 2.0, 0.5));
    }

    #[test]
    fn conformal_scale_is_equal_in_both_directions() {
        let conic = Conic::new(60.0, 45.0, 30.0, 60.0);
        let e = 1e-6;
        let p = LonLat { lon: 70.0, lat: 50.0 };
        let a = conic.project(p);
        let east = conic.project(LonLat { lon: p.lon + e, lat: p.lat });
        let north = conic.project(LonLat { lon: p.lon, lat: p.lat + e });
        let kx = ((east.x - a.x).hypot(east.y - a.y)) / (e * p.lat.to_radians().cos());
        let ky = (north.x - a.x).hypot(north.y - a.y) / e;
        assert!(close(kx / ky, 1.0, 1e-5), "{kx} vs {ky}");
    }

    #[test]
    fn single_standard_parallel_works() {
        let conic = Conic::new(30.0, 50.0, 50.0, 50.0);
        let p = LonLat { lon: 40.0, lat: 55.0 };
        let back = conic.invert(conic.project(p));
        assert!(close(back.lon, 40.0, 1e-9) && close(back.lat, 55.0, 1e-9));
    }
}
