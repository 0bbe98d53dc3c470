//! Setting cards into columns as a newspaper page does: in reading order, column after column,
//! with the columns ending as evenly as the cards allow.

/// A card's place in its page: column and first row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub column: usize,
    pub y: u16,
}

/// Places cards of `heights` greedily: down the first column, then the next, leaving one blank
/// row between cards, no card running past row `limit`. Column `c` starts at row `tops[c]`
/// (below a story spanning it). Returns the places of the cards that fit, a prefix of them.
pub fn fill(heights: &[u16], tops: &[u16], limit: u16) -> Vec<Place> {
    // `heights` may run to the end of a long page; a screen holds few of them.
    let mut places = Vec::new();
    let Some(&first_top) = tops.first() else {
        return places;
    };
    let (mut column, mut y) = (0, first_top);
    for &height in heights {
        // A card that does not fit goes to the top of the next column it fits in.
        while y.saturating_add(height) > limit {
            column += 1;
            let Some(&start) = tops.get(column) else {
                return places;
            };
            y = start;
        }
        places.push(Place { column, y });
        y = y.saturating_add(height).saturating_add(1);
    }
    places
}

/// The cards of `heights` that fit on a page of `height` rows, placed so that the longest
/// column is as short as it can be: the same cards as [`fill`] takes, with the lowest limit
/// that still fits them all (the greedy fill places the most cards for a limit, so a binary
/// search over limits finds the balanced one).
pub fn balanced(heights: &[u16], tops: &[u16], height: u16) -> Vec<Place> {
    let full = fill(heights, tops, height);
    let count = full.len();
    if count == 0 {
        return full;
    }
    let taken = heights.get(..count).unwrap_or_default();
    // No column can end above its tallest card.
    let tallest = taken.iter().copied().max().unwrap_or(0);
    let (mut low, mut high) = (tallest.min(height), height);
    while low < high {
        let mid = low + (high - low) / 2;
        if fill(taken, tops, mid).len() == count {
            high = mid;
        } else {
            low = mid + 1;
        }
    }
    let best = fill(taken, tops, high);
    if best.len() == count { best } else { full }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The row after the last card of each column.
    fn bottoms(heights: &[u16], places: &[Place], columns: usize) -> Vec<u16> {
        let mut out = vec![0; columns];
        for (p, h) in places.iter().zip(heights) {
            out[p.column] = out[p.column].max(p.y + h);
        }
        out
    }

    #[test]
    fn fill_goes_down_a_column_then_to_the_next() {
        let places = fill(&[3, 3, 3], &[0, 0], 8);
        assert_eq!(
            places,
            [
                Place { column: 0, y: 0 },
                Place { column: 0, y: 4 },
                Place { column: 1, y: 0 },
            ]
        );
        assert_eq!(fill(&[3, 3, 3, 3, 3], &[0, 0], 8).len(), 4);
    }

    #[test]
    fn balancing_evens_out_the_columns() {
        // Greedy: 5 cards in the first column, 1 in the second; balanced: 3 and 3.
        let heights = [3; 6];
        let greedy = fill(&heights, &[0, 0], 20);
        assert_eq!(bottoms(&heights, &greedy, 2), [19, 3]);
        let even = balanced(&heights, &[0, 0], 20);
        assert_eq!(bottoms(&heights, &even, 2), [11, 11]);
    }

    #[test]
    fn a_spanning_story_pushes_its_columns_down() {
        let places = balanced(&[4, 4, 4], &[6, 6, 0], 20);
        assert_eq!(places.len(), 3);
        assert!(places.iter().all(|p| p.column == 2 || p.y >= 6));
    }

    proptest! {
        /// Every card placed fits, none overlaps the next in its column, the order is kept,
        /// and balancing keeps every card the greedy fill took without a longer column.
        #[test]
        fn balanced_places_are_sound(
            heights in proptest::collection::vec(1u16..12, 0..30),
            columns in 1usize..6,
            height in 12u16..40,
            below_lead in 0u16..6,
        ) {
            let mut tops = vec![0; columns];
            if columns > 2 {
                tops[0] = below_lead;
                tops[1] = below_lead;
            }
            let greedy = fill(&heights, &tops, height);
            let even = balanced(&heights, &tops, height);
            prop_assert_eq!(even.len(), greedy.len());
            for (i, p) in even.iter().enumerate() {
                prop_assert!(p.y >= tops[p.column]);
                prop_assert!(p.y + heights[i] <= height);
                if let Some(next) = even.get(i + 1) {
                    prop_assert!(
                        next.column > p.column
                            || (next.column == p.column && next.y > p.y + heights[i])
                    );
                }
            }
            let longest = |places: &[Place]| {
                bottoms(&heights, places, columns).into_iter().max().unwrap_or(0)
            };
            prop_assert!(longest(&even) <= longest(&greedy));
        }
    }
}
