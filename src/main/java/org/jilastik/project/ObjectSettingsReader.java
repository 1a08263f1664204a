package org.jilastik.project;

import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.storage.HdfBackingStorage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jilastik.error.JilastikException;

/**
 * Reads {@link ObjectSettings} from an object-classification project. The table-export settings are a protocol-0
 * pickle in an opaque dataset that jhdf cannot open; its bytes are read from the dataset's storage directly and
 * parsed as text (never unpickled). Stateless, thread safe.
 */
public final class ObjectSettingsReader {
    private static final String STANDARD = "Standard Object Features";
    private static final Pattern UNICODE = Pattern.compile("V([^\\n]*)\\n");

    private ObjectSettingsReader() {
    }

    /**
     * Reads the object settings of {@code ilp}.
     *
     * @throws JilastikException (processing) if the file cannot be read
     */
    public static ObjectSettings read(Path ilp) {
        try (HdfFile hdf = new HdfFile(ilp)) {
            List<ObjectSettings.ObjectFeatureSpec> extracted = features(Hdf5Values.group(
                    Hdf5Values.group(hdf, "ObjectExtraction"), "Features"));
            Group oc = Hdf5Values.group(hdf, "ObjectClassification");
            List<ObjectSettings.ObjectFeatureSpec> selected = features(Hdf5Values.group(oc, "SelectedFeatures"));
            Group bw = Hdf5Values.group(hdf, "Blockwise Object Classification");
            long[] block = xyz(Hdf5Values.group(bw, "BlockShape3dDict"), 512);
            long[] halo = xyz(Hdf5Values.group(bw, "HaloPadding3dDict"), 64);
            return new ObjectSettings(extracted, selected, block, halo,
                    threshold(Hdf5Values.group(hdf, "ThresholdTwoLevels")), table(oc));
        } catch (JilastikException e) {
            throw e;
        } catch (RuntimeException e) {
            throw JilastikException.processing(ilp + " is damaged and its object settings cannot be read ("
                    + e.getMessage() + "); save the project again in ilastik", e);
        }
    }

    static List<ObjectSettings.ObjectFeatureSpec> features(Group g) {
        List<ObjectSettings.ObjectFeatureSpec> out = new ArrayList<>();
        if (g == null) {
            return out;
        }
        Map<String, Node> plugins = Hdf5Children.of(g);
        if (plugins.size() == 1 && plugins.containsKey("0") && plugins.get("0") instanceof Group wrapped) {
            plugins = Hdf5Children.of(wrapped); // older files wrap the selection in a group "0"
        }
        for (Map.Entry<String, Node> p : plugins.entrySet()) {
            if (!(p.getValue() instanceof Group plugin)) {
                continue;
            }
            for (Map.Entry<String, Node> f : Hdf5Children.of(plugin).entrySet()) {
                String display = f.getKey();
                long[] margin = null;
                if (f.getValue() instanceof Group fg) {
                    String d = Hdf5Values.string(fg, "displaytext");
                    display = d == null ? display : d;
                    margin = Hdf5Values.longs(fg, "margin");
                }
                out.add(new ObjectSettings.ObjectFeatureSpec(p.getKey(), f.getKey(), display, margin));
            }
        }
        return List.copyOf(out);
    }

    private static long[] xyz(Group g, long fallback) {
        long[] out = {fallback, fallback, fallback};
        String[] axes = {"x", "y", "z"};
        for (int i = 0; i < 3 && g != null; i++) {
            Double v = Hdf5Values.number(g, axes[i]);
            if (v != null) {
                out[i] = v.longValue();
            }
        }
        return out;
    }

    static ObjectSettings.ThresholdSettings threshold(Group g) {
        if (g == null) {
            return null;
        }
        int method = intOr(g, "CurOperator", 0);
        double low = numberOr(g, "LowThreshold", 0.5);
        if (method == 0 && Hdf5Values.number(g, "SingleThreshold") != null) {
            low = Hdf5Values.number(g, "SingleThreshold");
        }
        int channel = intOr(g, "Channel", 0);
        int core = Hdf5Values.number(g, "CoreChannel") == null && (method == 1 || method == 3) ? channel
                : intOr(g, "CoreChannel", 0);
        Group sg = Hdf5Values.group(g, "SmootherSigma");
        double[] sigma = {1.0, 1.0, 1.0};
        String[] axes = {"x", "y", "z"};
        for (int i = 0; i < 3 && sg != null; i++) {
            Double v = Hdf5Values.number(sg, axes[i]);
            if (v != null) {
                sigma[i] = v;
            }
        }
        return new ObjectSettings.ThresholdSettings(method, (long) numberOr(g, "MinSize", 10),
                (long) numberOr(g, "MaxSize", 1_000_000), numberOr(g, "HighThreshold", 0.8), low, sigma, channel,
                core);
    }

    private static int intOr(Group g, String name, int fallback) {
        Double v = Hdf5Values.number(g, name);
        return v == null ? fallback : v.intValue();
    }

    private static double numberOr(Group g, String name, double fallback) {
        Double v = Hdf5Values.number(g, name);
        return v == null ? fallback : v;
    }

    // ExportSettings: pickle of (settings_dict, selected_feature_names); (None, None) when unconfigured.
    private static ObjectSettings.TableExport table(Group oc) {
        if (oc == null) {
            return null;
        }
        Long address = Hdf5Children.linkAddresses(oc).get("ExportSettings");
        if (address == null) {
            return null;
        }
        String pickle = opaqueText(oc.getHdfFile(), address);
        if (pickle == null || !pickle.startsWith("((d")) {
            return null;
        }
        int list = pickle.indexOf("(lp");
        String dict = list < 0 ? pickle : pickle.substring(0, list);
        String path = dictValue(dict, "file path");
        String type = dictValue(dict, "file type");
        List<String> names = new ArrayList<>();
        if (list >= 0) {
            Matcher m = UNICODE.matcher(pickle.substring(list));
            while (m.find()) {
                names.add(unescape(m.group(1)));
            }
        }
        return new ObjectSettings.TableExport(path, type == null ? "csv" : type, List.copyOf(names));
    }

    private static String dictValue(String dict, String key) {
        Matcher m = Pattern.compile("V" + Pattern.quote(key) + "\\np\\d+\\nV([^\\n]*)\\n").matcher(dict);
        return m.find() ? unescape(m.group(1)) : null;
    }

    // protocol-0 'V' strings use raw-unicode-escape: \\uXXXX and a literal backslash as \\u005c
    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 5 < s.length() + 0 && s.charAt(i + 1) == 'u') {
                b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    // jhdf cannot parse an opaque datatype without a tag, so the version-1 object header is walked here: messages
    // (type u16, size u16, flags u8, 3 reserved, body padded to 8) in the header block and its continuation blocks;
    // the data layout message (type 8, version 3) gives compact bytes or a contiguous address and size.
    private static String opaqueText(HdfFile file, long address) {
        HdfBackingStorage storage = file.getHdfBackingStorage();
        ByteBuffer head = storage.readBufferFromAddress(address, 16).order(ByteOrder.LITTLE_ENDIAN);
        if (head.get(0) != 1) {
            return null;
        }
        int headerSize = head.getInt(8);
        java.util.ArrayDeque<long[]> blocks = new java.util.ArrayDeque<>();
        blocks.add(new long[] {address + 16, headerSize});
        while (!blocks.isEmpty()) {
            long[] b = blocks.poll();
            ByteBuffer m = storage.readBufferFromAddress(b[0], (int) b[1]).order(ByteOrder.LITTLE_ENDIAN);
            int pos = 0;
            while (pos + 8 <= b[1]) {
                int type = m.getShort(pos) & 0xffff;
                int size = m.getShort(pos + 2) & 0xffff;
                int body = pos + 8;
                if (type == 0x10) {
                    blocks.add(new long[] {m.getLong(body), m.getLong(body + 8)});
                } else if (type == 8 && m.get(body) == 3) {
                    int kind = m.get(body + 1);
                    byte[] bytes;
                    if (kind == 0) {
                        bytes = new byte[m.getShort(body + 2) & 0xffff];
                        m.position(body + 4);
                        m.get(bytes);
                    } else if (kind == 1) {
                        long at = m.getLong(body + 2);
                        long len = m.getLong(body + 10);
                        ByteBuffer d = storage.readBufferFromAddress(at, (int) len);
                        bytes = new byte[d.remaining()];
                        d.get(bytes);
                    } else {
                        return null;
                    }
                    return new String(bytes, StandardCharsets.ISO_8859_1);
                }
                pos = body + size;
            }
        }
        return null;
    }

    /** Plugin name of vigra's standard features. */
    public static String standardPlugin() {
        return STANDARD;
    }
}
