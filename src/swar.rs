//! Byte tests eight bytes at a time (SWAR: SIMD within a register), shared by the scanners
//! that skip runs of bytes they need not look at one by one.

/// The high bit of each byte of `w` that lies in `lo..=hi` or is above 0x7F (`lo` and `hi`
/// ASCII, `lo <= hi`). Each byte is tested on its low seven bits, so the additions carry into
/// no other byte; the high bit of `w` itself then marks every byte above 0x7F.
#[inline]
pub(crate) const fn in_range_or_high(w: u64, lo: u8, hi: u8) -> u64 {
    const LO7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let t = w & LO7;
    let ge_lo = t + ONES * (0x80 - lo as u64);
    let gt_hi = t + ONES * (0x80 - hi as u64 - 1);
    (w | (ge_lo & !gt_hi)) & HIGH
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Agrees with testing each byte on its own.
        #[test]
        fn in_range_or_high_tests_each_byte(w in any::<u64>(), lo in 0u8..0x80, len in 0u8..0x80) {
            let hi = lo.saturating_add(len).min(0x7F);
            let mut want = 0u64;
            for (k, b) in w.to_le_bytes().into_iter().enumerate() {
                if (lo..=hi).contains(&b) || b > 0x7F {
                    want |= 0x80 << (8 * k);
                }
            }
            prop_assert_eq!(in_range_or_high(w, lo, hi), want);
        }
    }
}
