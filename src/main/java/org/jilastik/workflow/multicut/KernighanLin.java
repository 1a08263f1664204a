package org.jilastik.workflow.multicut;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * nifty's {@code KernighanLin} multicut improver (a port of Andres' graph KL), started from a given labelling
 * (GAEC's, in ilastik's default chain). Settings as nifty's defaults: at most 100 outer iterations, ε = 1e-6, no
 * limit on inner iterations.
 *
 * <p>Rules reproduced (they decide which local optimum is reached):
 * <ul>
 * <li>Clusters are indexed by label (initially 0..max label). Each outer iteration collects the pairs of adjacent
 * clusters (lower label, then higher in ascending order) and, for pairs where either cluster changed, runs the
 * two-set update: per node the gain {@code Σ w(to other set) − Σ w(to own set)}; repeatedly move the border node
 * of largest gain (first found wins ties; the border list is compacted by swapping the last entry into removed
 * slots) and keep the best prefix of moves; joining both sets wins when its gain (the sum of the cross weights over
 * both sets, i.e. twice the cut) beats the best prefix and ε. Moved nodes are appended to their new set; the sets
 * are first compacted with libstdc++'s unstable {@code std::partition}.</li>
 * <li>After the pairs, empty clusters are removed (again {@code std::partition}) and every cluster whose
 * {@code changed} flag (indexed by position, as nifty does) is set tries to split off new clusters.</li>
 * <li>Stop when the iteration gained exactly 0; else relabel by depth-first connected components over nodes in
 * index order (consecutive ids); stop if no edge changed cut state; recompute the changed flags.</li>
 * </ul>
 * The labels returned are nifty's: unchanged input labels when the first iteration gains nothing, else the
 * component ids of the last accepted iteration. Single-threaded; one instance per call.
 */
public final class KernighanLin {
    private static final int OUTER_ITERATIONS = 100;
    private static final double EPSILON = 1e-6;

    private final EdgeGraph g;
    private final double[] w;
    private final int[] labels;
    private final double[] differences;
    private final int[] referencedBy;
    private final boolean[] moved;
    private final IntList border = new IntList();
    private int maxNotUsedLabel;

    private KernighanLin(EdgeGraph g, double[] w, int[] labels) {
        this.g = g;
        this.w = w;
        this.labels = labels.clone();
        int n = g.nodeCount();
        differences = new double[n];
        referencedBy = new int[n];
        moved = new boolean[n];
    }

    /**
     * Improves a labelling.
     *
     * @param g       the graph
     * @param weights edge weights (positive = attractive)
     * @param start   initial node labels (non-negative); not modified
     * @return the improved node labels
     */
    public static int[] improve(EdgeGraph g, double[] weights, int[] start) {
        return new KernighanLin(g, weights, start).run(start.clone());
    }

    private int[] run(int[] lastGood) {
        int n = g.nodeCount();
        int components = 0;
        for (int x : labels) {
            components = Math.max(components, x);
        }
        components++;
        List<IntList> partitions = new ArrayList<>(components);
        for (int i = 0; i < components; i++) {
            partitions.add(new IntList());
        }
        for (int node = 0; node < n; node++) {
            partitions.get(labels[node]).add(node);
        }
        maxNotUsedLabel = partitions.size();
        boolean[] visited = new boolean[n];
        boolean[] changed = new boolean[components];
        Arrays.fill(changed, true);
        int[] stack = new int[Math.max(1, n)];
        for (int k = 0; k < OUTER_ITERATIONS; k++) {
            double decrease = 0;
            long[] pairs = adjacentClusterPairs();
            int p = 0;
            for (int i = 0; i < components; i++) {
                while (p < pairs.length && (int) (pairs[p] >>> 32) < i) {
                    p++;
                }
                if (partitions.get(i).isEmpty()) {
                    continue;
                }
                for (; p < pairs.length && (int) (pairs[p] >>> 32) == i; p++) {
                    int j = (int) pairs[p];
                    if (!partitions.get(j).isEmpty() && (changed[j] || changed[i])) {
                        double ret = updateBipartition(partitions.get(i), partitions.get(j));
                        if (ret > EPSILON) {
                            changed[i] = true;
                            changed[j] = true;
                        }
                        decrease += ret;
                        if (partitions.get(i).isEmpty()) {
                            break;
                        }
                    }
                }
            }
            int end = StdPartition.partition(partitions, s -> !s.isEmpty());
            while (partitions.size() > end) {
                partitions.removeLast();
            }
            for (int i = 0, size = partitions.size(); i < size; i++) {
                if (!changed[i]) {
                    continue;
                }
                while (true) {
                    IntList fresh = new IntList();
                    decrease += updateBipartition(partitions.get(i), fresh);
                    if (fresh.isEmpty()) {
                        break;
                    }
                    partitions.add(fresh);
                }
            }
            if (decrease == 0.0) {
                break;
            }
            // connected components of the new labelling, depth first, nodes in index order
            Arrays.fill(visited, false);
            partitions.clear();
            components = 0;
            for (int i = 0; i < n; i++) {
                if (visited[i]) {
                    continue;
                }
                int top = 0;
                stack[top++] = i;
                visited[i] = true;
                int label = labels[i];
                referencedBy[i] = components;
                IntList part = new IntList();
                part.add(i);
                partitions.add(part);
                while (top > 0) {
                    int v = stack[--top];
                    for (int a = g.adjBegin(v); a < g.adjEnd(v); a++) {
                        int o = g.adjNode(a);
                        if (labels[o] == label && !visited[o]) {
                            stack[top++] = o;
                            visited[o] = true;
                            referencedBy[o] = components;
                            part.add(o);
                        }
                    }
                }
                components++;
            }
            System.arraycopy(referencedBy, 0, labels, 0, n);
            maxNotUsedLabel = components;
            boolean didNotChange = true;
            for (int e = 0; e < g.edgeCount(); e++) {
                boolean cut = labels[g.u(e)] != labels[g.v(e)];
                if (cut != (lastGood[g.u(e)] != lastGood[g.v(e)])) {
                    didNotChange = false;
                }
            }
            if (didNotChange) {
                break;
            }
            changed = new boolean[components];
            Arrays.fill(visited, false);
            for (int i = 0; i < n; i++) {
                if (visited[i]) {
                    continue;
                }
                int top = 0;
                stack[top++] = i;
                visited[i] = true;
                int labelNew = labels[i];
                int labelOld = lastGood[i];
                while (top > 0) {
                    int v = stack[--top];
                    for (int a = g.adjBegin(v); a < g.adjEnd(v); a++) {
                        int o = g.adjNode(a);
                        if (lastGood[o] == labelOld && labels[o] != labelNew) {
                            changed[labelNew] = true;
                        }
                        if (visited[o]) {
                            continue;
                        }
                        if (labels[o] == labelNew) {
                            stack[top++] = o;
                            visited[o] = true;
                            if (lastGood[o] != labelOld) {
                                changed[labelNew] = true;
                            }
                        }
                    }
                }
            }
            System.arraycopy(labels, 0, lastGood, 0, n);
        }
        return lastGood;
    }

    // sorted distinct (lower label << 32 | higher label) of the clusters joined by an edge
    private long[] adjacentClusterPairs() {
        long[] pairs = new long[g.edgeCount()];
        int count = 0;
        for (int e = 0; e < g.edgeCount(); e++) {
            int a = labels[g.u(e)];
            int b = labels[g.v(e)];
            if (a != b) {
                pairs[count++] = ((long) Math.min(a, b) << 32) | Math.max(a, b);
            }
        }
        Arrays.sort(pairs, 0, count);
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            if (distinct == 0 || pairs[distinct - 1] != pairs[i]) {
                pairs[distinct++] = pairs[i];
            }
        }
        return Arrays.copyOf(pairs, distinct);
    }

    private double gainFromMerging;

    private void computeDifferences(IntList set, int labelOwn, int labelOther) {
        for (int i = 0; i < set.size; i++) {
            int node = set.a[i];
            double ext = 0;
            double in = 0;
            int refs = 0;
            for (int a = g.adjBegin(node); a < g.adjEnd(node); a++) {
                int lbl = labels[g.adjNode(a)];
                if (lbl == labelOwn) {
                    in += w[g.adjEdge(a)];
                } else if (lbl == labelOther) {
                    ext += w[g.adjEdge(a)];
                    refs++;
                }
            }
            differences[node] = ext - in;
            referencedBy[node] = refs;
            moved[node] = false;
            gainFromMerging += ext;
        }
    }

    // nifty's update_bipartition: moves between A and B (B empty: split a new set off A); returns the gain
    private double updateBipartition(IntList setA, IntList setB) {
        if (setA.isEmpty()) {
            return 0.0;
        }
        gainFromMerging = 0;
        int labelA = labels[setA.a[0]];
        int labelB = !setB.isEmpty() ? labels[setB.a[0]] : maxNotUsedLabel;
        computeDifferences(setA, labelA, labelB);
        computeDifferences(setB, labelB, labelA);
        border.clear();
        for (int i = 0; i < setA.size; i++) {
            if (referencedBy[setA.a[i]] > 0) {
                border.add(setA.a[i]);
            }
        }
        for (int i = 0; i < setB.size; i++) {
            if (referencedBy[setB.a[i]] > 0) {
                border.add(setB.a[i]);
            }
        }
        IntList moveNode = new IntList();
        IntList moveTo = new IntList();
        double cumulative = 0;
        double best = -Double.MAX_VALUE;
        int bestCount = 0;
        for (int k = 0; ; k++) {
            int mv = -1;
            double md = -Double.MAX_VALUE;
            if (setB.isEmpty() && k == 0) {
                for (int i = 0; i < setA.size; i++) {
                    int a = setA.a[i];
                    if (differences[a] > md) {
                        mv = a;
                        md = differences[a];
                    }
                }
            } else {
                int size = border.size;
                for (int i = 0; i < size; ) {
                    int b = border.a[i];
                    if (referencedBy[b] == 0) {
                        border.a[i] = border.a[--size];
                        border.a[size] = b;
                    } else {
                        if (differences[b] > md) {
                            mv = b;
                            md = differences[b];
                        }
                        i++;
                    }
                }
                border.size = size;
            }
            if (mv == -1) {
                break;
            }
            int oldLabel = labels[mv];
            int newLabel = oldLabel == labelA ? labelB : labelA;
            for (int a = g.adjBegin(mv); a < g.adjEnd(mv); a++) {
                int o = g.adjNode(a);
                if (moved[o]) {
                    continue;
                }
                int lbl = labels[o];
                if (lbl == newLabel) {
                    differences[o] -= 2.0 * w[g.adjEdge(a)];
                    referencedBy[o]--;
                } else if (lbl == oldLabel) {
                    differences[o] += 2.0 * w[g.adjEdge(a)];
                    referencedBy[o]++;
                    if (referencedBy[o] == 1) {
                        border.add(o);
                    }
                }
            }
            labels[mv] = newLabel;
            referencedBy[mv] = 0;
            differences[mv] = -Double.MAX_VALUE;
            moved[mv] = true;
            moveNode.add(mv);
            moveTo.add(newLabel);
            cumulative += md;
            if (cumulative > best) {
                best = cumulative;
                bestCount = moveNode.size;
            }
        }
        if (gainFromMerging > best && gainFromMerging > EPSILON) {
            for (int i = 0; i < setB.size; i++) {
                setA.add(setB.a[i]);
            }
            for (int i = 0; i < setA.size; i++) {
                labels[setA.a[i]] = labelA;
            }
            setB.clear();
            return gainFromMerging;
        } else if (best > EPSILON) {
            for (int i = bestCount; i < moveNode.size; i++) {
                moved[moveNode.a[i]] = false;
                labels[moveNode.a[i]] = moveTo.a[i] == labelB ? labelA : labelB;
            }
            if (setB.isEmpty()) {
                maxNotUsedLabel++;
            }
            setA.size = StdPartition.partition(setA.a, setA.size, x -> !moved[x]);
            setB.size = StdPartition.partition(setB.a, setB.size, x -> !moved[x]);
            for (int i = 0; i < bestCount; i++) {
                if (moveTo.a[i] == labelB) {
                    setB.add(moveNode.a[i]);
                } else {
                    setA.add(moveNode.a[i]);
                }
            }
            return best;
        } else {
            for (int i = 0; i < moveNode.size; i++) {
                labels[moveNode.a[i]] = moveTo.a[i] == labelB ? labelA : labelB;
            }
        }
        return 0.0;
    }

    /** libstdc++'s {@code std::partition} (bidirectional version, used for vectors): unstable, order matters. */
    static final class StdPartition {
        private StdPartition() {
        }

        static int partition(int[] a, int size, java.util.function.IntPredicate keep) {
            int first = 0;
            int last = size;
            while (true) {
                while (true) {
                    if (first == last) {
                        return first;
                    } else if (keep.test(a[first])) {
                        first++;
                    } else {
                        break;
                    }
                }
                last--;
                while (true) {
                    if (first == last) {
                        return first;
                    } else if (!keep.test(a[last])) {
                        last--;
                    } else {
                        break;
                    }
                }
                int t = a[first];
                a[first] = a[last];
                a[last] = t;
                first++;
            }
        }

        static <T> int partition(List<T> a, Predicate<T> keep) {
            int first = 0;
            int last = a.size();
            while (true) {
                while (true) {
                    if (first == last) {
                        return first;
                    } else if (keep.test(a.get(first))) {
                        first++;
                    } else {
                        break;
                    }
                }
                last--;
                while (true) {
                    if (first == last) {
                        return first;
                    } else if (!keep.test(a.get(last))) {
                        last--;
                    } else {
                        break;
                    }
                }
                T t = a.get(first);
                a.set(first, a.get(last));
                a.set(last, t);
                first++;
            }
        }
    }
}
