package org.jilastik.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.jilastik.app.BlockRoi;
import org.jilastik.app.CutoutSubregion;
import org.jilastik.app.DataRange;
import org.jilastik.app.OutputFormats;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.junit.jupiter.api.Test;

class ValueParsersTest {
    private static void assertUsage(Runnable r, String... fragments) {
        assertThatThrownBy(r::run).isInstanceOf(JilastikException.class)
                .satisfies(e -> assertThat(((JilastikException) e).exitCode()).isEqualTo(2))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains(fragments));
    }

    @Test
    void cutoutWithNoneAndSpaces() {
        CutoutSubregion c = ValueParsers.parseCutout("--cutout_subregion", "[(10,10,None),(60,60,None)]");
        assertThat(c.start()).containsExactly(10L, 10L, null);
        assertThat(c.stop()).containsExactly(60L, 60L, null);
        CutoutSubregion d = ValueParsers.parseCutout("--cutout_subregion", "[(0,50,50,0,0), (1, 150, 150, 50, 2)]");
        assertThat(d.start()).containsExactly(0L, 50L, 50L, 0L, 0L);
        assertThat(d.stop()).containsExactly(1L, 150L, 150L, 50L, 2L);
        // JSON spelling, as ilastik turns the value into JSON
        CutoutSubregion e = ValueParsers.parseCutout("--cutout_subregion", "[[null, 5], [null, 9]]");
        assertThat(e.start()).containsExactly(null, 5L);
        assertThat(e.toString()).isEqualTo("[(None, 5), (None, 9)]");
        assertThat(e).isEqualTo(new CutoutSubregion(new Long[] {null, 5L}, new Long[] {null, 9L}));
    }

    @Test
    void cutoutErrors() {
        assertUsage(() -> ValueParsers.parseCutout("--cutout_subregion", "[(1,2),(3,4,5)]"),
                "start has 2 entries and stop has 3");
        assertUsage(() -> ValueParsers.parseCutout("--cutout_subregion", "[(1,2)]"), "[(start, ...), (stop, ...)]");
        assertUsage(() -> ValueParsers.parseCutout("--cutout_subregion", "[(1.5,2),(3,4)]"), "\"1.5\" is not a whole number");
        assertUsage(() -> ValueParsers.parseCutout("--cutout_subregion", "[(1,2),(3,4)"), "expected ',' or ']'");
        assertUsage(() -> ValueParsers.parseCutout("--cutout_subregion", "[(a,2),(3,4)]"), "\"a\" is not a number");
        assertUsage(() -> ValueParsers.parseCutout("--cutout_subregion", ""), "empty");
        assertUsage(() -> ValueParsers.parseCutout("--cutout_subregion", "[(),()]"), "one entry per axis");
    }

    @Test
    void rangesKeepIntegerAndFloatLiterals() {
        DataRange r = ValueParsers.parseRange("--pipeline_result_drange", "(0.0,1.0)");
        assertThat(r.low()).isEqualTo(0.0);
        assertThat(r.high()).isEqualTo(1.0);
        assertThat(r.lowIsInteger()).isFalse();
        DataRange s = ValueParsers.parseRange("--export_drange", "(0, 255)");
        assertThat(s.low()).isEqualTo(0L);
        assertThat(s.high()).isEqualTo(255L);
        assertThat(s.highIsInteger()).isTrue();
        DataRange t = ValueParsers.parseRange("--export_drange", "[-1e3, .5]");
        assertThat(t.lowValue()).isEqualTo(-1000.0);
        assertThat(t.highValue()).isEqualTo(0.5);
    }

    @Test
    void rangeErrors() {
        assertUsage(() -> ValueParsers.parseRange("--export_drange", "(0,1,2)"), "--export_drange", "two numbers");
        assertUsage(() -> ValueParsers.parseRange("--export_drange", "(0,None)"), "two numbers");
        assertUsage(() -> ValueParsers.parseRange("--export_drange", "0,255"), "two numbers");
        assertUsage(() -> ValueParsers.parseRange("--export_drange", "(0;255)"), "expected ','");
    }

    @Test
    void dtypeChoices() {
        for (String d : List.of("uint8", "uint16", "uint32", "int8", "int16", "int32", "float32", "float64")) {
            assertThat(ValueParsers.parseExportDtype("--export_dtype", d)).isEqualTo(DType.fromNumpyName(d));
        }
        assertUsage(() -> ValueParsers.parseExportDtype("--export_dtype", "uint64"), "choose one of uint8");
        assertUsage(() -> ValueParsers.parseExportDtype("--export_dtype", "bool"), "choose one of");
        assertUsage(() -> ValueParsers.parseExportDtype("--export_dtype", "UINT8"), "did you mean uint8?");
    }

    @Test
    void outputFormatChoicesAreExact() {
        for (String f : List.of("hdf5", "compressed hdf5", "png", "png sequence", "tif", "tiff sequence",
                "multipage tiff", "multipage tiff sequence", "n5", "compressed n5", "single-scale OME-Zarr",
                "multi-scale OME-Zarr", "numpy", "dvid", "blockwise hdf5", "jpeg", "ras sequence")) {
            assertThat(ValueParsers.parseOutputFormat("--output_format", f)).isEqualTo(f);
        }
        // ilastik's 37 names plus jilastik's "single-scale OME-Zarr 0.5" and "multi-scale OME-Zarr 0.5"
        assertThat(OutputFormats.ALL).hasSize(13 * 2 + 11 + 2).doesNotContain("xv", "exr", "xv sequence")
                .contains("single-scale OME-Zarr 0.5", "multi-scale OME-Zarr 0.5");
        assertUsage(() -> ValueParsers.parseOutputFormat("--output_format", "jpeg2000"),
                "--output_format \"jpeg2000\" is not valid", "choose one of bmp, gif");
        assertUsage(() -> ValueParsers.parseOutputFormat("--output_format", "HDF5"), "did you mean \"hdf5\"?");
        assertUsage(() -> ValueParsers.parseOutputFormat("--output_format", "single-scale ome-zarr"),
                "did you mean \"single-scale OME-Zarr\"?");
        assertUsage(() -> ValueParsers.parseOutputFormat("--output_format", "png-sequence"),
                "did you mean \"png sequence\"?");
    }

    @Test
    void axisOrder() {
        assertThat(ValueParsers.parseAxisOrder("--output_axis_order", "ZYXC")).isEqualTo("zyxc");
        assertThat(ValueParsers.parseAxisOrder("--output_axis_order", "txyzc")).isEqualTo("txyzc");
        assertUsage(() -> ValueParsers.parseAxisOrder("--output_axis_order", "zyq"), "'q' is not an axis letter");
        assertUsage(() -> ValueParsers.parseAxisOrder("--output_axis_order", "zyxz"), "'z' appears twice");
        assertUsage(() -> ValueParsers.parseAxisOrder("--output_axis_order", ""), "empty");
    }

    @Test
    void inputAxes() {
        assertThat(ValueParsers.parseInputAxes("--input_axes", "zyx")).containsExactly("zyx");
        assertThat(ValueParsers.parseInputAxes("--input_axes", "YXC, None")).containsExactly("yxc", null);
        assertThat(ValueParsers.parseInputAxes("--input_axes", "None,tzyxc")).containsExactly(null, "tzyxc");
        assertUsage(() -> ValueParsers.parseInputAxes("--input_axes", "zyy"), "'y' appears twice");
        assertUsage(() -> ValueParsers.parseInputAxes("--input_axes", "zyc"), "lacks x or y");
        assertUsage(() -> ValueParsers.parseInputAxes("--input_axes", "yxq"), "'q'");
        assertUsage(() -> ValueParsers.parseInputAxes("--input_axes", "yx,,yx"), "empty");
    }

    @Test
    void stackAlong() {
        for (char c : "tzyxc".toCharArray()) {
            assertThat(ValueParsers.parseStackAlong("--stack_along", String.valueOf(c))).isEqualTo(c);
        }
        assertThat(ValueParsers.parseStackAlong("--stack_along", "Z")).isEqualTo('z');
        assertUsage(() -> ValueParsers.parseStackAlong("--stack_along", "zy"), "one axis letter");
        assertUsage(() -> ValueParsers.parseStackAlong("--stack_along", "q"), "one axis letter");
    }

    @Test
    void blockRoiIntAndDict() {
        assertThat(ValueParsers.parseBlockRoi("--distributed_block_roi", "128"))
                .isEqualTo(new BlockRoi(1, 128, 128, 128, BlockRoi.WHOLE_AXIS));
        assertThat(ValueParsers.parseBlockRoi("--distributed_block_roi", "{\"x\":150,'y':300,\"z\":1,\"c\":3}"))
                .isEqualTo(new BlockRoi(1, 1, 300, 150, 3));
        assertThat(ValueParsers.parseBlockRoi("--distributed_block_roi", "{'t': 2}"))
                .isEqualTo(new BlockRoi(2, 256, 256, 256, BlockRoi.WHOLE_AXIS));
        // None = whole axis (ilastik documents it but rejects it; jilastik accepts it)
        BlockRoi none = ValueParsers.parseBlockRoi("--distributed_block_roi", "{\"z\": None, \"x\": 64}");
        assertThat(none.size('z')).isEqualTo(BlockRoi.WHOLE_AXIS);
        assertThat(none.size('x')).isEqualTo(64);
        assertThat(none.size('y')).isEqualTo(256);
        // Python counts True as 1
        assertThat(ValueParsers.parseBlockRoi("--distributed_block_roi", "{'z': True}").z()).isEqualTo(1);
    }

    @Test
    void blockRoiErrors() {
        String f = "--distributed_block_roi";
        assertUsage(() -> ValueParsers.parseBlockRoi(f, "1.5"), f, "positive whole number or a dict");
        assertUsage(() -> ValueParsers.parseBlockRoi(f, "[1,2]"), "positive whole number or a dict");
        assertUsage(() -> ValueParsers.parseBlockRoi(f, "'abc'"), "positive whole number or a dict");
        assertUsage(() -> ValueParsers.parseBlockRoi(f, "0"), "positive");
        assertUsage(() -> ValueParsers.parseBlockRoi(f, "-4"), "positive");
        assertUsage(() -> ValueParsers.parseBlockRoi(f, "None"), "positive whole number or a dict");
        assertUsage(() -> ValueParsers.parseBlockRoi(f, "{'x': 0}"), "positive");
        assertUsage(() -> ValueParsers.parseBlockRoi(f, "{'x': -1}"), "positive");
        assertUsage(() -> ValueParsers.parseBlockRoi(f, "{'x': 1.0}"), "whole numbers or None");
        assertUsage(() -> ValueParsers.parseBlockRoi(f, "{'x': [1]}"), "whole numbers or None");
        assertUsage(() -> ValueParsers.parseBlockRoi(f, "{'q': 1}"), "key q is not one of");
        assertUsage(() -> ValueParsers.parseBlockRoi(f, "{'X': 1}"), "key X");
        assertUsage(() -> ValueParsers.parseBlockRoi(f, "{x: 1}"), "\"x\" is not a number, None or a quoted string");
        assertUsage(() -> ValueParsers.parseBlockRoi(f, "{'x':1"), "expected ',' or '}'");
        assertUsage(() -> ValueParsers.parseBlockRoi(f, "{'x' 1}"), "expected ':'");
        assertUsage(() -> ValueParsers.parseBlockRoi(f, "99999999999"), "positive");
        assertUsage(() -> ValueParsers.parseBlockRoi(f, "{'x': 1} extra"), "unexpected 'e'");
    }

    @Test
    void booleansIntsFloatsAndChoices() {
        for (String t : List.of("1", "yes", "true", "on", "YES", "True")) {
            assertThat(ValueParsers.parseBoolean("--readonly", t)).isTrue();
        }
        for (String t : List.of("0", "no", "false", "off", "OFF")) {
            assertThat(ValueParsers.parseBoolean("--readonly", t)).isFalse();
        }
        assertUsage(() -> ValueParsers.parseBoolean("--readonly", "maybe"), "--readonly \"maybe\"", "1, yes, true");
        assertThat(ValueParsers.parseInt("--tree-count", " 100 ", 1)).isEqualTo(100);
        assertUsage(() -> ValueParsers.parseInt("--tree-count", "0", 1), "at least 1");
        assertUsage(() -> ValueParsers.parseInt("--tree-count", "10.0", 1), "whole number");
        assertUsage(() -> ValueParsers.parseInt("--tree-count", "99999999999", 1), "whole number");
        assertThat(ValueParsers.parseProportion("--label-proportion", "1")).isEqualTo(1.0);
        assertThat(ValueParsers.parseProportion("--label-proportion", "0.25")).isEqualTo(0.25);
        assertThat(ValueParsers.parseProportion("--label-proportion", "5e-1")).isEqualTo(0.5);
        for (String bad : List.of("0", "1.01", "-0.5", "abc", "nan", "1d")) {
            assertUsage(() -> ValueParsers.parseProportion("--label-proportion", bad), "--label-proportion");
        }
        assertThat(ValueParsers.parseLowerChoice("--fillmissing", "SVM", ValueParsers.FILLMISSING)).isEqualTo("svm");
        assertUsage(() -> ValueParsers.parseLowerChoice("--fillmissing", "zero", ValueParsers.FILLMISSING),
                "choose one of classic, svm, none");
    }

    @Test
    void cutoutAccessorsReturnCopies() {
        CutoutSubregion c = ValueParsers.parseCutout("--cutout_subregion", "[(1,2),(3,4)]");
        Long[] s = c.start();
        s[0] = 99L;
        assertThat(Arrays.asList(c.start())).containsExactly(1L, 2L);
        assertThat(c.rank()).isEqualTo(2);
    }
}
