//! The share picture as a PNG: the SVG the map's own components draw
//! (`web::prerender::picture`) rasterized by resvg, its text set in the machine's fonts (the
//! widget's families where installed, else Liberation or DejaVu, which Debian's Chromium
//! brings). 1200×630, as Open Graph and X's large card want.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{fontdb, Options, Tree};

/// The machine's fonts, found once per run, with the generic families set to installed ones.
fn fonts() -> Arc<fontdb::Database> {
    static FONTS: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = fontdb::Database::new();
            db.load_system_fonts();
            let installed = |db: &fontdb::Database, families: &[&str]| -> Option<String> {
                families.iter().find(|f| db.faces().any(|face| face.families.iter().any(|(name, _)| name == *f))).map(|f| (*f).to_owned())
            };
            if let Some(serif) = installed(&db, &["Liberation Serif", "DejaVu Serif", "Noto Serif"]) {
                db.set_serif_family(serif);
            }
            if let Some(sans) = installed(&db, &["Liberation Sans", "DejaVu Sans", "Noto Sans"]) {
                db.set_sans_serif_family(sans);
            }
            Arc::new(db)
        })
        .clone()
}

/// `svg` (the share picture, 1200×630) as PNG bytes.
pub fn png(svg: &str) -> Result<Vec<u8>, String> {
    let options = Options { fontdb: fonts(), ..Options::default() };
    let tree = Tree::from_str(svg, &options).map_err(|e| format!("the share picture's SVG cannot be read: {e}"))?;
    let size = tree.size().to_int_size();
    let mut pixmap = Pixmap::new(size.width(), size.height()).ok_or("the share picture has no size")?;
    resvg::render(&tree, Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| format!("the share picture cannot be encoded: {e}"))
}
