package org.jilastik.project.pickle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * numpy arrays, record dtypes and scalars read from pickles numpy 1.24 wrote (the hex below is
 * {@code pickle.dumps(...)} of the array named in each test).
 */
class NumpyTest {
    @Test
    void float64MatrixOfProtocol2UsesCodecsEncode() {
        // np.array([[1.5, -2.0, 3.25], [4.0, 5.0, 6.5]]), protocol 2 (bytes as _codecs.encode(str, 'latin1'))
        byte[] b = PickleBytes.hex("8002636e756d70792e636f72652e6d756c746961727261790a5f7265636f6e7374727563740a7100636e756d70790a6e"
                + "6461727261790a71014b00857102635f636f646563730a656e636f64650a7103580100000062710458060000006c6174"
                + "696e317105867106527107877108527109284b014b024b0386710a636e756d70790a64747970650a710b580200000066"
                + "38710c898887710d52710e284b0358010000003c710f4e4e4e4affffffff4affffffff4b007471106289680358320000"
                + "00000000000000c3b83f00000000000000c3800000000000000a40000000000000104000000000000014400000000000"
                + "001a4071116805867112527113747114622e");
        NdArray a = Numpy.array(PickleDecoder.decode(b, "p2"), "p2");
        assertThat(a.shape()).containsExactly(2, 3);
        assertThat(a.dtype().code()).isEqualTo("f8");
        assertThat(a.fortran()).isFalse();
        assertThat(a.toDoubles()).containsExactly(1.5, -2.0, 3.25, 4.0, 5.0, 6.5);
    }

    @Test
    void int32VectorOfProtocol5UsesFrombuffer() {
        // np.arange(3, dtype='<i4'), protocol 5 (in-band buffer as BYTEARRAY8)
        byte[] b = PickleBytes.hex("8005957f000000000000008c126e756d70792e636f72652e6e756d65726963948c0b5f66726f6d6275"
                + "66666572949394289" + "60c00000000000000000000000100000002000000948c056e756d7079948c056474797065"
                + "9493948c02693494898887945294284b038c013c944e4e4e4affffffff4affffffff4b007494624b0385948c01439474945294"
                + "2e");
        NdArray a = Numpy.array(PickleDecoder.decode(b, "p5"), "p5");
        assertThat(a.shape()).containsExactly(3);
        assertThat(a.getLong(0)).isZero();
        assertThat(a.getLong(2)).isEqualTo(2);
    }

    @Test
    void recordArrayFieldsAreReadByNameAndOffset() {
        // rec = np.zeros(2, dtype=[('left_child','<i8'),('right_child','<i8'),('threshold','<f8'),('flag','u1')])
        // with left_child [1, -1], right_child [7, -1], threshold [0.5, -2.0], flag [1, 0]; protocol 4
        byte[] b = PickleBytes.hex("80049570010000000000008c156e756d70792e636f72652e6d756c74696172726179948c0c5f72"
                + "65636f6e7374727563749493948c056e756d7079948c076e6461727261799493944b0085944301629487945294284b014b02"
                + "859468038c0564747970659493948c0356323594898887945294284b038c017c944e288c0a6c6566745f6368696c64948c"
                + "0b72696768745f6368696c64948c097468726573686f6c64948c04666c61679474947d94286811680c8c0269389489888794"
                + "5294284b038c013c944e4e4e4affffffff4affffffff4b007494624b008694681268194b0886946813680c8c02663894898887"
                + "945294284b03681a4e4e4e4affffffff4affffffff4b007494624b1086946814680c8c02753194898887945294284b036810"
                + "4e4e4e4affffffff4affffffff4b007494624b188694754b194b014b107494628943320100000000000000070000000000"
                + "0000000000000000e03f01ffffffffffffffffffffffffffffffff00000000000000c000947494622e");
        NdArray a = Numpy.array(PickleDecoder.decode(b, "rec"), "rec");
        assertThat(a.dtype().isRecord()).isTrue();
        assertThat(a.dtype().itemSize()).isEqualTo(25);
        assertThat(a.dtype().names()).containsExactly("left_child", "right_child", "threshold", "flag");
        assertThat(a.longField(0, "left_child")).isEqualTo(1);
        assertThat(a.longField(0, "right_child")).isEqualTo(7);
        assertThat(a.doubleField(0, "threshold")).isEqualTo(0.5);
        assertThat(a.longField(0, "flag")).isEqualTo(1);
        assertThat(a.longField(1, "left_child")).isEqualTo(-1);
        assertThat(a.doubleField(1, "threshold")).isEqualTo(-2.0);
        assertThat(a.longField(1, "flag")).isZero();
        assertThat(a.hasField("missing_go_to_left")).isFalse();
    }

    @Test
    void scalarsBecomeNumbers() {
        // np.float64(2.5), protocol 4
        byte[] b = PickleBytes.hex("80049569000000000000008c156e756d70792e636f72652e6d756c74696172726179948c067363"
                + "616c61729493948c056e756d7079948c0564747970659493948c02663894898887945294284b038c013c944e4e4e4affffff"
                + "ff4affffffff4b007494624308000000000000044094869452942e");
        assertThat(PickleDecoder.decode(b, "scalar")).isEqualTo(2.5);
    }

    @Test
    void notAnArrayIsRefused() {
        assertThatThrownBy(() -> Numpy.array("text", "x.pkl")).hasMessageStartingWith("x.pkl holds no numpy array");
    }
}
