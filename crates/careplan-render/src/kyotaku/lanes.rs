//! 第3表's lanes: blocks that overlap on a day stand side by side, each in
//! a lane of the cluster of blocks it overlaps with.

use serde::Serialize;

/// A block of the weekly grid on one day, with its lane among overlapping blocks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct BlockView {
    pub day: usize,
    pub start: u16,
    pub end: u16,
    pub lane: usize,
    pub lanes: usize,
    pub text: String,
}

/// Places overlapping blocks of each day side by side: each block gets a
/// lane, and every block of a cluster of overlapping blocks learns how many
/// lanes the cluster needs. Blocks come out sorted by day, start and input
/// order.
pub(crate) fn assign_lanes(mut blocks: Vec<BlockView>) -> Vec<BlockView> {
    blocks.sort_by_key(|b| (b.day, b.start));
    let mut out: Vec<BlockView> = Vec::with_capacity(blocks.len());
    let mut cluster_start = 0usize;
    let mut cluster_end = 0u16;
    let mut cluster_day = usize::MAX;
    let mut lane_ends: Vec<u16> = Vec::new();
    for mut b in blocks {
        if b.day != cluster_day || b.start >= cluster_end {
            finish_cluster(&mut out, cluster_start, lane_ends.len());
            cluster_start = out.len();
            cluster_day = b.day;
            cluster_end = 0;
            lane_ends.clear();
        }
        let lane = match lane_ends.iter().position(|&end| end <= b.start) {
            Some(i) => i,
            None => {
                lane_ends.push(0);
                lane_ends.len() - 1
            }
        };
        if let Some(end) = lane_ends.get_mut(lane) {
            *end = b.end;
        }
        b.lane = lane;
        cluster_end = cluster_end.max(b.end);
        out.push(b);
    }
    finish_cluster(&mut out, cluster_start, lane_ends.len());
    out
}

fn finish_cluster(out: &mut [BlockView], start: usize, lanes: usize) {
    if let Some(cluster) = out.get_mut(start..) {
        for b in cluster {
            b.lanes = lanes.max(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(day: usize, start: u16, end: u16) -> BlockView {
        BlockView {
            day,
            start,
            end,
            lane: 9,
            lanes: 9,
            text: String::new(),
        }
    }

    fn lanes(v: &[BlockView]) -> Vec<(usize, u16, usize, usize)> {
        v.iter()
            .map(|x| (x.day, x.start, x.lane, x.lanes))
            .collect()
    }

    #[test]
    fn separate_blocks_get_one_lane() {
        let out = assign_lanes(vec![b(0, 600, 660), b(0, 660, 720), b(1, 600, 660)]);
        assert_eq!(
            lanes(&out),
            vec![(0, 600, 0, 1), (0, 660, 0, 1), (1, 600, 0, 1)]
        );
    }

    #[test]
    fn overlapping_blocks_sit_side_by_side() {
        let out = assign_lanes(vec![
            b(2, 600, 720),
            b(2, 630, 660),
            b(2, 690, 750),
            b(2, 800, 900),
        ]);
        // 600–720 and 630–660 overlap; 690–750 reuses lane 1 after 660.
        assert_eq!(
            lanes(&out),
            vec![
                (2, 600, 0, 2),
                (2, 630, 1, 2),
                (2, 690, 1, 2),
                (2, 800, 0, 1)
            ]
        );
    }

    #[test]
    fn three_way_overlap_needs_three_lanes() {
        let out = assign_lanes(vec![b(0, 0, 100), b(0, 10, 100), b(0, 20, 100)]);
        assert_eq!(
            lanes(&out),
            vec![(0, 0, 0, 3), (0, 10, 1, 3), (0, 20, 2, 3)]
        );
    }
}
