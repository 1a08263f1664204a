package org.jilastik.workflow.objects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Skeleton features on shapes the reference data lacks: a ring (one hole: vigra counts the skeleton cycle around
 * it), a disc with two holes, a bar (no branches besides its two ends) and objects cut by the frame border.
 */
class SkeletonShapesTest {
    static Map<String, double[]> features(int[] labels, int ny, int nx) {
        int count = 0;
        for (int v : labels) {
            count = Math.max(count, v);
        }
        return SkeletonFeaturesTest.compute(labels, new int[] {1, ny, nx}, count);
    }

    static void disc(int[] img, int nx, int cy, int cx, double r, int value) {
        int ny = img.length / nx;
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                if ((y - cy) * (y - cy) + (x - cx) * (x - cx) <= r * r) {
                    img[y * nx + x] = value;
                }
            }
        }
    }

    @Test
    void ringsHaveOneHolePerCavityAndBarsHaveTwoBranches() {
        int ny = 120;
        int nx = 160;
        int[] img = new int[ny * nx];
        disc(img, nx, 30, 30, 20, 1);
        disc(img, nx, 30, 30, 8, 0);
        disc(img, nx, 30, 100, 25, 2);
        disc(img, nx, 30, 92, 6, 0);
        disc(img, nx, 30, 110, 6, 0);
        for (int y = 80; y < 88; y++) {
            for (int x = 10; x < 150; x++) {
                img[y * nx + x] = 3;
            }
        }
        disc(img, nx, 119, 80, 12, 4); // cut by the bottom border
        Map<String, double[]> f = features(img, ny, nx);
        assertThat(f.get("Hole Count")).containsExactly(0, 1, 2, 0, 0);
        assertThat(f.get("Branch Count")[3]).isEqualTo(2);
        // the bar's center line runs along it, from corner to corner: about its length (140)
        assertThat(f.get("Diameter")[3]).isBetween(135.0, 150.0);
        for (int o = 1; o <= 4; o++) {
            double cx = f.get("Skeleton Center")[2 * o];
            double cy = f.get("Skeleton Center")[2 * o + 1];
            assertThat(img[(int) cy * nx + (int) cx]).as("object %d centre on the object", o).isEqualTo(o);
        }
    }
}
