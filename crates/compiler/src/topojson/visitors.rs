//! The hand-written serde visitors of the TopoJSON reader: the parts of a topology whose JSON
//! needs more than a derive (positions and arc references of any depth, the top level's type
//! check, the one member of `objects` that is read, `transform`'s pairs of numbers), each error a
//! message [`super::decode`] locates.

use super::*;

/// The `visit_*` methods of the JSON kinds (`unit` is null; `numbers`, `bool`, `str`, `seq`,
/// `map`) a visitor does not take: each is the error `self.refusal()`.
macro_rules! refuse {
    ($($kind:ident),*) => { $(refuse!(@ $kind);)* };
    (@ unit) => {
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Err(E::custom(self.refusal()))
        }
    };
    (@ bool) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Err(E::custom(self.refusal()))
        }
    };
    (@ numbers) => {
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Err(E::custom(self.refusal()))
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Err(E::custom(self.refusal()))
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Err(E::custom(self.refusal()))
        }
    };
    (@ str) => {
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Err(E::custom(self.refusal()))
        }
    };
    (@ seq) => {
        fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
            Err(de::Error::custom(self.refusal()))
        }
    };
    (@ map) => {
        fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
            Err(de::Error::custom(self.refusal()))
        }
    };
}

/// `transform.<key>`: two numbers (further elements are skipped, as before).
#[derive(Clone, Copy)]
pub(super) struct Pair(pub(super) &'static str);

impl Pair {
    fn refusal(self) -> String {
        two_numbers(self.0)
    }
}

impl<'de> Visitor<'de> for Pair {
    type Value = (f64, f64);

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("two numbers")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut number = || seq.next_element_seed(PairNumber(self))?.ok_or_else(|| de::Error::custom(self.refusal()));
        let pair = (number()?, number()?);
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(pair)
    }

    refuse!(unit, bool, numbers, str, map);
}

/// One of the two numbers of a [`Pair`].
struct PairNumber(Pair);

impl PairNumber {
    fn refusal(self) -> String {
        self.0.refusal()
    }
}

impl<'de> DeserializeSeed<'de> for PairNumber {
    type Value = f64;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<f64, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for PairNumber {
    type Value = f64;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number")
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<f64, E> {
        Ok(n as f64)
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<f64, E> {
        Ok(n as f64)
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<f64, E> {
        Ok(n)
    }

    refuse!(unit, bool, str, seq, map);
}

impl<'de> Deserialize<'de> for Position {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Position;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a position [x, y]")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Position, A::Error> {
                let x = seq.next_element()?.ok_or_else(|| de::Error::invalid_length(0, &self))?;
                let y = seq.next_element()?.ok_or_else(|| de::Error::invalid_length(1, &self))?;
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Position(x, y))
            }
        }
        d.deserialize_seq(V)
    }
}

impl<'de> Deserialize<'de> for Refs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Refs;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("arc indices")
            }

            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Refs, E> {
                Ok(Refs::Index(n as f64))
            }

            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Refs, E> {
                Ok(Refs::Index(n as f64))
            }

            fn visit_f64<E: de::Error>(self, n: f64) -> Result<Refs, E> {
                Ok(Refs::Index(n))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Refs, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Refs::List(items))
            }
        }
        d.deserialize_any(V)
    }
}

/// The top level: an object whose `type` is `Topology`; of its `objects`, only `object` is read.
pub(super) struct TopologySeed<'a> {
    pub(super) object: &'a str,
}

impl TopologySeed<'_> {
    fn refusal(&self) -> &'static str {
        NOT_A_TOPOLOGY
    }

    fn no_object(&self) -> String {
        format!("no object \"{}\" in the topology", self.object)
    }
}

impl<'de> DeserializeSeed<'de> for TopologySeed<'_> {
    type Value = File;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<File, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for TopologySeed<'_> {
    type Value = File;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a TopoJSON topology")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<File, A::Error> {
        #[derive(Deserialize)]
        #[serde(field_identifier, rename_all = "lowercase")]
        enum Key {
            Type,
            Transform,
            Arcs,
            Objects,
            #[serde(other)]
            Other,
        }
        let (mut typed, mut transform, mut arcs, mut geometries) = (false, None, Vec::new(), None);
        // Each problem is reported as soon as it is read (so serde_json locates it), in the
        // order the members come; `no object` waits for `type` if that comes later.
        while let Some(key) = map.next_key()? {
            match key {
                Key::Type => {
                    map.next_value_seed(IsTopology)?;
                    typed = true;
                }
                Key::Transform => {
                    let t: Transform = map.next_value()?;
                    let scale = t.scale.ok_or_else(|| de::Error::custom(two_numbers("scale")))?;
                    let translate = t.translate.ok_or_else(|| de::Error::custom(two_numbers("translate")))?;
                    transform = Some((scale, translate));
                }
                Key::Arcs => arcs = map.next_value()?,
                Key::Objects => {
                    geometries = map.next_value_seed(ObjectsSeed { object: self.object })?;
                    if typed && geometries.is_none() {
                        return Err(de::Error::custom(self.no_object()));
                    }
                }
                Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        if !typed {
            return Err(de::Error::custom(NOT_A_TOPOLOGY));
        }
        let geometries = geometries.ok_or_else(|| de::Error::custom(self.no_object()))?;
        Ok(File { transform, arcs, geometries })
    }

    refuse!(unit, bool, numbers, str, seq);
}

/// `"type": "Topology"`, or the error that this is not a topology.
struct IsTopology;

impl IsTopology {
    fn refusal(&self) -> &'static str {
        NOT_A_TOPOLOGY
    }
}

impl<'de> DeserializeSeed<'de> for IsTopology {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for IsTopology {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("\"Topology\"")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<(), E> {
        if s == "Topology" {
            Ok(())
        } else {
            Err(E::custom(NOT_A_TOPOLOGY))
        }
    }

    refuse!(unit, bool, numbers, seq, map);
}

/// `objects`: the geometries of the member `object` (the first, if named twice), or `None`
/// when there is no such member (or `objects` is no object); the others are skipped.
struct ObjectsSeed<'a> {
    object: &'a str,
}

impl ObjectsSeed<'_> {
    fn refusal(&self) -> String {
        format!("no object \"{}\" in the topology", self.object)
    }
}

impl<'de> DeserializeSeed<'de> for ObjectsSeed<'_> {
    type Value = Option<Vec<Geometry>>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ObjectsSeed<'_> {
    type Value = Option<Vec<Geometry>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("named objects")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut found = None;
        while let Some(name) = map.next_key::<String>()? {
            if found.is_none() && name == self.object {
                found = Some(map.next_value::<Collection>()?.geometries);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found)
    }

    refuse!(unit, bool, numbers, str, seq);
}
