//! Counting matches by day, for trends: a collector that reads each matching article's date
//! from the fast field and never loads a document.

use std::collections::HashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::query::ArchiveQuery;
use super::{ArchiveIndex, IndexError};
use crate::trend::DayCounts;

impl ArchiveIndex {
    /// How many articles match `query`, per day (unix days), and how many have no date. For
    /// a term of three characters or more, an article holding its character pairs apart is
    /// counted too, and for such an exclusion left out (checking each on its stored text would
    /// cost seconds on an archive).
    pub fn day_counts(&self, query: &ArchiveQuery) -> Result<DayCounts, IndexError> {
        if query.is_empty() {
            return Ok(DayCounts::default());
        }
        let tantivy_query = self.tantivy_query(query, false)?;
        let searcher = self.reader.searcher();
        let (days, undated) = searcher
            .search(&tantivy_query, &ByDay)
            .map_err(|e| self.error(e))?;
        Ok(DayCounts {
            days: days.into_iter().collect(),
            undated,
        })
    }
}

/// Counts documents per value of the `date` fast field.
struct ByDay;

struct SegmentByDay {
    dates: Column<i64>,
    days: HashMap<i64, u64>,
    undated: u64,
}

impl Collector for ByDay {
    type Fruit = (HashMap<i64, u64>, u64);
    type Child = SegmentByDay;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentByDay> {
        Ok(SegmentByDay {
            dates: reader.fast_fields().i64("date")?,
            days: HashMap::new(),
            undated: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut days = HashMap::new();
        let mut undated = 0;
        for (segment_days, segment_undated) in fruits {
            for (day, n) in segment_days {
                *days.entry(day).or_insert(0) += n;
            }
            undated += segment_undated;
        }
        Ok((days, undated))
    }
}

impl SegmentCollector for SegmentByDay {
    type Fruit = (HashMap<i64, u64>, u64);

    fn collect(&mut self, doc: DocId, _score: Score) {
        match self.dates.first(doc) {
            Some(day) => *self.days.entry(day).or_insert(0) += 1,
            None => self.undated += 1,
        }
    }

    fn harvest(self) -> Self::Fruit {
        (self.days, self.undated)
    }
}
