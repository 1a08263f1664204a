package org.jilastik.io.tiff;

import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.jilastik.array.DType;

/**
 * The OME-XML {@code ImageDescription} of a multi-page OME-TIFF as ilastik's {@code multipage tiff} export writes
 * it (through tifffile): one image, {@code DimensionOrder="XYCZT"} (pages t-major, then z, then c), the pixel type,
 * the five sizes, the physical pixel sizes of x, y, z (a size only when known, the unit always, {@code pixel} when
 * the input states none), one {@code Channel} per channel and one {@code TiffData} covering all pages. Stateless.
 */
public final class OmeTiffXml {
    private OmeTiffXml() {
    }

    /**
     * The XML text.
     *
     * @param tzcyx      the five extents
     * @param resolution pixel size per axis letter (0 = unknown)
     * @param unit       unit per axis letter, or null
     * @param creator    the {@code Creator} attribute
     */
    public static String of(long[] tzcyx, DType dtype, ToDoubleFunction<Character> resolution,
            Function<Character, String> unit, String creator) {
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<OME xmlns=\"http://www.openmicroscopy.org/Schemas/OME/2016-06\" ")
                .append("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ")
                .append("xsi:schemaLocation=\"http://www.openmicroscopy.org/Schemas/OME/2016-06 ")
                .append("http://www.openmicroscopy.org/Schemas/OME/2016-06/ome.xsd\" ")
                .append("UUID=\"urn:uuid:").append(UUID.randomUUID()).append("\" ")
                .append("Creator=\"").append(escape(creator)).append("\">")
                .append("<Image ID=\"Image:0\" Name=\"Image0\">")
                .append("<Pixels ID=\"Pixels:0\" DimensionOrder=\"XYCZT\" Type=\"").append(typeName(dtype))
                .append("\" SizeX=\"").append(tzcyx[4]).append("\" SizeY=\"").append(tzcyx[3])
                .append("\" SizeC=\"").append(tzcyx[2]).append("\" SizeZ=\"").append(tzcyx[1])
                .append("\" SizeT=\"").append(tzcyx[0]).append('"');
        for (char a : new char[] {'x', 'y', 'z'}) {
            String key = "PhysicalSize" + Character.toUpperCase(a);
            double r = resolution.applyAsDouble(a);
            if (r > 0) {
                b.append(' ').append(key).append("=\"").append(number(r)).append('"');
            }
            String u = unit.apply(a);
            b.append(' ').append(key).append("Unit=\"").append(u == null || u.isEmpty() ? "pixel" : escape(u))
                    .append('"');
        }
        double dt = resolution.applyAsDouble('t');
        if (dt > 0) {
            b.append(" TimeIncrement=\"").append(number(dt)).append('"');
            String u = unit.apply('t');
            if (u != null && !u.isEmpty()) {
                b.append(" TimeIncrementUnit=\"").append(escape(u)).append('"');
            }
        }
        b.append('>');
        for (long c = 0; c < tzcyx[2]; c++) {
            b.append("<Channel ID=\"Channel:0:").append(c).append("\" SamplesPerPixel=\"1\"><LightPath/></Channel>");
        }
        b.append("<TiffData IFD=\"0\" PlaneCount=\"").append(tzcyx[0] * tzcyx[1] * tzcyx[2]).append("\"/>")
                .append("</Pixels></Image></OME>");
        return b.toString();
    }

    /** OME's pixel type name. */
    static String typeName(DType dtype) {
        return switch (dtype) {
            case BOOL, UINT8 -> "uint8";
            case INT8 -> "int8";
            case UINT16 -> "uint16";
            case INT16 -> "int16";
            case UINT32 -> "uint32";
            case INT32 -> "int32";
            case FLOAT32 -> "float";
            case FLOAT64 -> "double";
            default -> throw new IllegalArgumentException("OME-TIFF has no " + dtype + " pixel type");
        };
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) + ".0" : Double.toString(v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
