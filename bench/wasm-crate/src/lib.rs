//! Tests that do a little real work each (sieving, sorting, hashing, text), for bench/wasm.sh.

pub fn primes_below(n: usize) -> Vec<usize> {
    let mut composite = vec![false; n];
    let mut primes = Vec::new();
    for i in 2..n {
        if !composite[i] {
            primes.push(i);
            // i * i overflows a 32-bit usize (wasm32) for the larger primes
            let mut j = if i <= n / i { i * i } else { n };
            while j < n {
                composite[j] = true;
                j += i;
            }
        }
    }
    primes
}

pub fn lcg(seed: u64, count: usize) -> Vec<u64> {
    let mut x = seed;
    (0..count).map(|_| { x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407); x >> 11 }).collect()
}

pub fn fnv(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf29ce484222325u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x100000001b3))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn sieve() {
        assert_eq!(primes_below(2_000_000).len(), 148_933);
    }

    #[test]
    fn sorts() {
        let mut v = lcg(7, 300_000);
        v.sort_unstable();
        assert!(v.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn hashes() {
        let data: Vec<u8> = lcg(3, 1_000_000).iter().map(|x| *x as u8).collect();
        assert_ne!(fnv(&data), 0);
    }

    #[test]
    fn maps() {
        let mut m = HashMap::new();
        for (i, x) in lcg(11, 200_000).into_iter().enumerate() {
            *m.entry(x % 50_000).or_insert(0usize) += i % 3;
        }
        assert!(m.len() > 40_000);
    }

    #[test]
    fn text() {
        let mut s = String::new();
        for i in 0..100_000 {
            s.push_str(&i.to_string());
            s.push(' ');
        }
        assert_eq!(s.split(' ').filter(|w| !w.is_empty()).count(), 100_000);
    }
}
