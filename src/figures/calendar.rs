//! Calendar arithmetic on proleptic Gregorian dates: days since 1970, weekdays, ISO weeks.

/// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
pub fn days(y: i32, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y as i64 - 1 } else { y as i64 };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The date `days` days after 1970-01-01.
pub fn civil(days: i64) -> (i32, u32, u32) {
    let z = days + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as i32, m, d)
}

/// ISO weekday, Monday = 1 … Sunday = 7.
pub fn weekday(days: i64) -> u32 {
    ((days + 3).rem_euclid(7) + 1) as u32
}

pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

/// The ISO week ("2016-W45") holding a day.
pub fn iso_week(days: i64) -> String {
    let thursday = days - weekday(days) as i64 + 4;
    let (y, _, _) = civil(thursday);
    let week = (thursday - self::days(y, 1, 1)) / 7 + 1;
    format!("{y:04}-W{week:02}")
}

pub fn iso(days: i64) -> String {
    let (y, m, d) = civil(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Parses "2025-10-15" (anything after the day is ignored).
pub fn parse_iso(s: &str) -> Option<(i32, u32, u32)> {
    let y = s.get(0..4)?.parse().ok()?;
    let m = s.get(5..7)?.parse().ok()?;
    let d = s.get(8..10)?.parse().ok()?;
    ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then_some((y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_weekdays() {
        let d = days(2016, 11, 7);
        assert_eq!(civil(d), (2016, 11, 7));
        assert_eq!(weekday(d), 1); // a Monday
        assert_eq!(iso_week(days(2016, 1, 1)), "2015-W53");
        assert_eq!(iso_week(days(2026, 1, 1)), "2026-W01");
        assert_eq!(parse_iso("2025-10-15T00:00:00"), Some((2025, 10, 15)));
        assert_eq!(parse_iso("2025-02-30"), None);
    }
}
