//! Random JSON for property tests of the input parsers (feature `fuzz`, tests only): a
//! seeded xorshift generator, so every failure can be replayed from its seed.

use serde_json::{Map, Value, json};

use crate::InputError;

/// The property every parser must have: on `iterations` random events and random mutations
/// of `valid`, it answers `Ok` or an error naming a field and a problem, and never panics.
/// Panics (failing the test) with the seed and the event otherwise.
pub fn check_parser<T>(
    valid: &Value,
    keys: &[&str],
    iterations: u64,
    parse: impl Fn(&Value) -> Result<T, InputError> + std::panic::RefUnwindSafe,
) {
    assert!(parse(valid).is_ok(), "the valid event must parse");
    for seed in 1..=iterations {
        let mut g = Gen::new(seed);
        let event = if seed % 2 == 0 {
            g.value(keys, 4)
        } else {
            g.mutate(valid, keys)
        };
        match std::panic::catch_unwind(|| parse(&event)) {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => assert!(
                !e.field.is_empty() && !e.problem.is_empty(),
                "seed {seed}: {e:?} for {event}"
            ),
            Err(_) => panic!("seed {seed}: the parser panicked on {event}"),
        }
    }
}

pub struct Gen(u64);

const STRINGS: &[&str] = &[
    "",
    " ",
    "https://",
    "http://x",
    "https://oidc.example.com",
    "https://a.b/c?d#e",
    "vpc-0123456789abcdef0",
    "vpc-",
    "subnet-01234567",
    "subnet-XYZ",
    "us-east-1",
    "us-east-1a",
    "m5.xlarge",
    "m5.",
    ".x",
    "é",
    "💥",
    "\u{0}",
    "a\"b",
    "9e99a48a9960b14926bb7f3b02e22da2b0ab7280",
    "-1",
    "1e309",
    "null",
    "[]",
    "{}",
];

impl Gen {
    pub fn new(seed: u64) -> Self {
        Gen(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn string(&mut self) -> String {
        match self.below(4) {
            0 => "x".repeat(self.below(600) as usize),
            1 => (0..self.below(20))
                .map(|_| char::from_u32(self.below(0x3000) as u32).unwrap_or('?'))
                .collect(),
            _ => STRINGS[self.below(STRINGS.len() as u64) as usize].to_string(),
        }
    }

    /// Any JSON value, keys drawn from `keys` half of the time.
    pub fn value(&mut self, keys: &[&str], depth: u32) -> Value {
        let kind = if depth == 0 {
            self.below(4)
        } else {
            self.below(6)
        };
        match kind {
            0 => Value::Null,
            1 => Value::Bool(self.below(2) == 1),
            2 => match self.below(5) {
                0 => json!(self.next() as i64),
                1 => json!(self.below(10)),
                2 => json!(-(self.below(100) as i64)),
                3 => json!(f64::from(self.below(1000) as u32) / 7.0),
                _ => json!(u64::MAX),
            },
            3 => Value::String(self.string()),
            4 => Value::Array(
                (0..self.below(5))
                    .map(|_| self.value(keys, depth - 1))
                    .collect(),
            ),
            _ => {
                let mut map = Map::new();
                for _ in 0..self.below(6) {
                    let key = if self.below(2) == 0 && !keys.is_empty() {
                        keys[self.below(keys.len() as u64) as usize].to_string()
                    } else {
                        self.string()
                    };
                    map.insert(key, self.value(keys, depth - 1));
                }
                Value::Object(map)
            }
        }
    }

    /// `valid` with one field (at any depth) replaced, removed, or a stranger added.
    pub fn mutate(&mut self, valid: &Value, keys: &[&str]) -> Value {
        let mut v = valid.clone();
        self.mutate_in(&mut v, keys);
        v
    }

    fn mutate_in(&mut self, v: &mut Value, keys: &[&str]) {
        if let Value::Object(map) = v {
            if !map.is_empty() {
                let key = map
                    .keys()
                    .nth(self.below(map.len() as u64) as usize)
                    .cloned()
                    .unwrap_or_default();
                match self.below(4) {
                    0 => {
                        map.remove(&key);
                    }
                    1 => {
                        let (k, val) = (self.string(), self.value(keys, 1));
                        map.insert(k, val);
                    }
                    2 => {
                        if let Some(child) = map.get_mut(&key) {
                            self.mutate_in(child, keys);
                        }
                    }
                    _ => {
                        let val = self.value(keys, 2);
                        map.insert(key, val);
                    }
                }
                return;
            }
        }
        *v = self.value(keys, 2);
    }
}
