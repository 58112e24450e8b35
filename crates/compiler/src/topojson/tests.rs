use super::*;

const EURASIA: &str = include_str!("../../../../static/basemaps/eurasia.topo.json");

#[test]
fn decodes_a_tiny_topology_with_shared_and_reversed_arcs() {
    // Two squares sharing the arc 0: A = arcs [0, 1], B = arcs [~0, 2].
    let text = r#"{"type":"Topology","transform":{"scale":[1,1],"translate":[10,20]},
        "arcs":[[[1,0],[0,1]],[[1,1],[-1,0],[0,-1]],[[1,0],[1,0],[0,1],[-1,0]]],
        "objects":{"c":{"type":"GeometryCollection","geometries":[
          {"type":"Polygon","arcs":[[0,1]],"properties":{"a3":"AAA","name":"A"}},
          {"type":"Polygon","arcs":[[-1,2]],"properties":{"a3":"BBB","name":"B"}},
          {"type":null,"properties":{"a3":"NUL"}}]}}}"#;
    let map = decode(text, "c").unwrap();
    assert_eq!(map.countries.len(), 2);
    let a = &map.countries[0].rings[0];
    let pts: Vec<(f64, f64)> = a.iter().map(|p| (p.lon, p.lat)).collect();
    assert_eq!(pts, [(11.0, 20.0), (11.0, 21.0), (10.0, 21.0), (10.0, 20.0)]);
    let b: Vec<(f64, f64)> = map.countries[1].rings[0].iter().map(|p| (p.lon, p.lat)).collect();
    assert_eq!(b[0], (11.0, 21.0), "a reversed arc starts at the other end");
    assert_eq!(b[1], (11.0, 20.0));
}

#[test]
fn the_eurasia_base_map_has_the_seed_countries_with_crimea_in_ukraine() {
    let map = decode(EURASIA, "countries").unwrap();
    for iso in ["BLR", "CHN", "RUS", "UKR", "POL", "DEU", "KAZ", "TUR"] {
        assert!(map.country(iso).is_some(), "{iso} missing");
    }
    let inside = |ring: &[LonLat], p: LonLat| {
        let mut c = false;
        let mut j = ring.len() - 1;
        for i in 0..ring.len() {
            let (a, b) = (ring[i], ring[j]);
            if (a.lat > p.lat) != (b.lat > p.lat) && p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon {
                c = !c;
            }
            j = i;
        }
        c
    };
    let simferopol = LonLat { lon: 34.1, lat: 44.95 };
    let in_country = |iso: &str| map.country(iso).unwrap().rings.iter().filter(|r| inside(r, simferopol)).count() % 2 == 1;
    assert!(in_country("UKR"), "Crimea must be drawn inside Ukraine");
    assert!(!in_country("RUS"));
    let minsk = LonLat { lon: 27.56, lat: 53.9 };
    assert!(map.country("BLR").unwrap().rings.iter().any(|r| inside(r, minsk)));
}

#[test]
fn broken_input_is_an_error_not_a_panic() {
    assert!(decode("[]", "countries").is_err());
    assert!(decode(r#"{"type":"Topology","arcs":[],"objects":{}}"#, "countries").unwrap_err().message.contains("no object"));
    let bad = r#"{"type":"Topology","arcs":[],"objects":{"c":{"geometries":[{"type":"Polygon","arcs":[[5]],"properties":{"a3":"X"}}]}}}"#;
    assert!(decode(bad, "c").unwrap_err().message.contains("arc 5"));
}

/// `decode`'s error as `line:column: message`.
fn located(text: &str) -> String {
    let e = decode(text, "c").unwrap_err();
    format!("{}:{}: {}", e.line, e.column, e.message)
}

#[test]
fn errors_say_where_in_the_text() {
    // Syntax and type errors where serde_json stops; columns count characters, not bytes.
    assert_eq!(located("{\"type\": \"Topology\",\n \"name\": \"Белару́сь\", \"arcs\": [[[1, 2]] }"), "2:41: expected `,` or `]`");
    assert_eq!(located("{\"type\":\"Topology\",\n\"arcs\":[[[0,0],[1,\"x\"]]]}"), "2:21: invalid type: string \"x\", expected f64");
    assert_eq!(located("{\"type\":\"Topology\",\"arcs\":[[[0,0], {}]]}"), "1:36: invalid type: map, expected a position [x, y]");
    assert_eq!(located("<!doctype html>"), "1:1: expected value");
    assert_eq!(located("{\"type\":\"Topology\",\"arcs\":[],\"objects\":{\"c\":{}}} x"), "1:50: trailing characters");
    assert_eq!(located("{\"type\":\"Topology\",\n\"arcs\":[\n"), "3:1: EOF while parsing a list");
    // What is wrong with what the file says: where it was read.
    assert_eq!(
        located("{\"type\": \"FeatureCollection\", \"features\": []}"),
        "1:28: not a TopoJSON topology (\"type\": \"Topology\" missing)"
    );
    assert_eq!(located("{\"arcs\": [], \"objects\": {}}"), "1:27: not a TopoJSON topology (\"type\": \"Topology\" missing)");
    assert_eq!(
        located("{\"type\":\"Topology\",\n\"transform\":{\"scale\":[1],\"translate\":[0,0]}}"),
        "2:24: transform.scale must be two numbers"
    );
    assert_eq!(
        located("{\"type\":\"Topology\",\n\"transform\":{\"scale\":[1,1]},\"objects\":{}}"),
        "2:27: transform.translate must be two numbers"
    );
    assert_eq!(located("{\"type\":\"Topology\",\"arcs\":[],\n\"objects\":{\"land\":{}}}"), "2:22: no object \"c\" in the topology");
    let ring_of_rings =
        "{\"type\":\"Topology\",\"arcs\":[],\"objects\":{\"c\":{\"geometries\":[\n{\"type\":\"Polygon\",\"arcs\":[[[0]]]}]}}}";
    assert_eq!(located(ring_of_rings), "2:34: arc index must be a number");
    // Found only once the whole file is read: the start of the file.
    let missing_arc = "{\"type\":\"Topology\",\"arcs\":[],\"objects\":{\"c\":{\"geometries\":[\n{\"type\":\"Polygon\",\"arcs\":[[5]]}]}}}";
    assert_eq!(located(missing_arc), "1:1: arc 5 does not exist");
    // A base map cut short.
    let cut = &EURASIA[..EURASIA.len() / 2];
    let e = decode(cut, "countries").unwrap_err();
    assert_eq!((e.line, e.column), (1, cut.chars().count()));
    assert!(e.message.starts_with("EOF while parsing"), "{e:?}");
}

#[test]
fn deep_or_huge_input_fails_cleanly() {
    let deep = |open: &str, close: &str, n: usize, inner: &str| format!("{}{inner}{}", open.repeat(n), close.repeat(n));
    let geometry = |arcs: &str| {
        format!("{{\"type\":\"Topology\",\"arcs\":[],\"objects\":{{\"c\":{{\"geometries\":[{{\"type\":\"Polygon\",\"arcs\":{arcs}}}]}}}}}}")
    };
    for text in [
        deep("[", "]", 1_000_000, ""),
        deep("{\"a\":", "}", 100_000, "1"),
        // Arc references may nest (their type may come after them): up to the limit.
        geometry(&deep("[", "]", 100_000, "0")),
        // Deep inside a member that is skipped: skipped without recursion, then the error.
        format!("{{\"type\":\"Topology\",\"bbox\":{},\"objects\":{{}}}}", deep("[", "]", 100_000, "")),
        // Deeper than a position may be.
        format!("{{\"type\":\"Topology\",\"arcs\":{}}}", deep("[", "]", 100_000, "")),
    ] {
        let e = decode(&text, "c").unwrap_err();
        assert!(e.line == 1 && e.column <= text.len(), "{e:?}");
    }
    assert_eq!(located(&geometry(&deep("[", "]", 200, "0"))), "1:207: recursion limit exceeded");
    // What is skipped may be as deep as it likes.
    let properties = format!("{{\"a3\":\"AAA\",\"x\":{}}}", deep("[", "]", 100_000, ""));
    let text = format!("{{\"type\":\"Topology\",\"arcs\":[[[0,0],[1,0],[0,1]]],\"objects\":{{\"c\":{{\"geometries\":[{{\"type\":\"Polygon\",\"arcs\":[[0]],\"properties\":{properties}}}]}}}}}}");
    assert_eq!(decode(&text, "c").unwrap().countries[0].iso, "AAA");
    // Numbers and strings too large.
    assert_eq!(located("{\"type\":\"Topology\",\"transform\":{\"scale\":[1e400,1]}}"), "1:46: number out of range");
    let long_name = format!("{{\"type\":\"Topology\",\"objects\":{{\"{}\":{{}}}}}}", "x".repeat(5_000_000));
    assert!(located(&long_name).contains("no object"));
}

#[test]
fn the_transform_is_read_exactly() {
    // As `str::parse` reads them (`exact_transform`); serde_json alone gives the scale's
    // second number one ULP off (and so 3,890 points of the Eurasia map).
    let after = |key: &str| {
        EURASIA
            .split(key)
            .nth(1)
            .unwrap()
            .split(']')
            .next()
            .unwrap()
            .split(',')
            .map(|n| n.parse::<f64>().unwrap().to_bits())
            .collect::<Vec<_>>()
    };
    let grid = decode(EURASIA, "countries").unwrap().grid.unwrap().map(f64::to_bits);
    assert_eq!(grid.to_vec(), [after("\"scale\":["), after("\"translate\":[")].concat());
}
