//! The bundle keeps a base map the compiler decoded on its grid.

use commentary_core::bundle::GRID;
use commentary_core::geo::topojson::BaseMap;

#[test]
fn a_base_map_without_a_grid_is_kept_to_a_thousandth_of_a_degree() {
    let text = r#"{"type":"Topology","arcs":[[[10.12345,20.5],[11.0,20.5],[11.0,21.98765],[10.12345,20.5]]],
        "objects":{"c":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[0]],"properties":{"a3":"AAA","name":"A"}}]}}}"#;
    let map = commentary_compiler::topojson::decode(text, "c").unwrap();
    assert_eq!((map.grid, map.topology.is_none()), (None, true));
    let back: BaseMap = postcard::from_bytes(&postcard::to_allocvec(&map).unwrap()).unwrap();
    let (a, b) = (&map.countries[0].rings[0], &back.countries[0].rings[0]);
    assert_eq!(a.len(), b.len());
    for (p, q) in a.iter().zip(b) {
        assert!((p.lon - q.lon).abs() <= 0.5 / GRID + 1e-12 && (p.lat - q.lat).abs() <= 0.5 / GRID + 1e-12, "{p:?} {q:?}");
    }
}
