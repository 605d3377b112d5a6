//! Waits that go round in a circle: none of the steps on it could ever be done.

use super::super::model::Node;

/// A circle among the waits, as the nodes on it, when there is one: a node waits for
/// its targets, a stage or part for its children to be settled, and every node for
/// what its parents wait for.
pub(super) fn waiting_circle(nodes: &[Node]) -> Option<Vec<usize>> {
    if nodes.iter().all(|n| n.waits_for.is_empty()) {
        return None;
    }
    let edges = |i: usize| -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        let mut up = Some(i);
        while let Some(u) = up {
            out.extend(&nodes[u].waits_for);
            up = nodes[u].parent;
        }
        let mut child = i + 1;
        while child < nodes[i].end {
            out.push(child);
            child = nodes[child].end;
        }
        out
    };
    // Iterative depth-first search: 0 unseen, 1 on the path, 2 done.
    let mut mark = vec![0u8; nodes.len()];
    for root in 0..nodes.len() {
        if mark[root] != 0 {
            continue;
        }
        let mut path: Vec<(usize, Vec<usize>)> = vec![(root, edges(root))];
        mark[root] = 1;
        while let Some((node, next)) = path.last_mut() {
            match next.pop() {
                Some(to) if mark[to] == 1 => {
                    // From a node that waits, so that the error points at a `waits_for:`.
                    let from = path.iter().position(|(n, _)| *n == to).unwrap_or(0);
                    let mut circle: Vec<usize> = path[from..].iter().map(|(n, _)| *n).collect();
                    if let Some(waiter) =
                        circle.iter().position(|&n| !nodes[n].waits_for.is_empty())
                    {
                        circle.rotate_left(waiter);
                    }
                    return Some(circle);
                }
                Some(to) if mark[to] == 0 => {
                    mark[to] = 1;
                    path.push((to, edges(to)));
                }
                Some(_) => {}
                None => {
                    mark[*node] = 2;
                    path.pop();
                }
            }
        }
    }
    None
}
