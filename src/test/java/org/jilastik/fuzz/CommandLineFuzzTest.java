package org.jilastik.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.jilastik.app.RunRequest;
import org.jilastik.cli.FlagSpec;
import org.jilastik.cli.FlagTable;
import org.jilastik.cli.ProjectArgumentChecks;
import org.jilastik.cli.RequestBuilder;
import org.jilastik.workflow.WorkflowKind;

/**
 * Fuzzes the command line: random sequences of every flag jilastik knows (both spellings, with {@code =} or a
 * separate value), hostile values (empty, huge, malformed literals, wrong types, odd characters), bare words and
 * random {@code LAZYFLOW_*} values are parsed ({@link RequestBuilder#parse}) and, when they parse, checked against
 * each workflow ({@link ProjectArgumentChecks#check}). Every try must end as {@link Fuzzing} requires.
 */
class CommandLineFuzzTest {
    private static final List<String> VALUES = List.of("", "=", "x", "0", "-1", "1", "3", "1e400", "NaN", "None",
            "True", "yes", "[(0,0),(10,10)]", "[(0,0),(10,10,1)]", "[(None,None),(5,-5)]", "((1,2),(3)",
            "x=10:60,y=10:60", "x=:,q=1:2", "{x:1", "{\"x\": 256, \"c\": None}", "{\"x\": -1}", "(0,255)", "(1,0)",
            "(0,)", "yx", "zyxc", "tzyxc", "qq", "cccc", "hdf5", "png sequence", "multipage tiff", "numpy", "dvid",
            "uint8", "float128", "Probabilities", "Simple Segmentation", "Features", "Object Predictions",
            "out/{nickname}_{result_type}.h5", "{slice_index}", "{foo", "}{", "a.h5/data", "a.h5:b.h5", "*.png",
            "~/x.ilp", "/nonexistent/p.ilp", "p.ilp", "--", "-", "-x", "\u0000", "é∞", "a".repeat(5000),
            "99999999999999999999", "-2147483649");

    @Property
    void anyCommandLineParsesOrIsRefusedInOneSentence(@ForAll @Size(max = 12) List<@From("token") String> tokens,
            @ForAll("env") Map<String, String> env) {
        String[] args = tokens.toArray(String[]::new);
        Fuzzing.endsCleanly(String.join(" ", tokens) + " env " + env, () -> {
            RunRequest request = RequestBuilder.parse(args, env);
            for (WorkflowKind kind : WorkflowKind.values()) {
                try {
                    ProjectArgumentChecks.check(request, kind, 2, "p.ilp");
                } catch (org.jilastik.error.JilastikException e) {
                    if (e.getMessage() == null || e.getMessage().isBlank()) {
                        throw e;
                    }
                }
            }
        });
    }

    @Provide
    Arbitrary<String> token() {
        List<String> flags = new ArrayList<>();
        for (FlagSpec f : FlagTable.all()) {
            flags.add(f.name());
            flags.add(f.name().replace('_', '-'));
        }
        Arbitrary<String> flag = Arbitraries.of(flags);
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of(VALUES), Arbitraries.strings().ofMaxLength(12));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, flag),
                net.jqwik.api.Tuple.of(4, value),
                net.jqwik.api.Tuple.of(4, net.jqwik.api.Combinators.combine(flag, value).as((f, v) -> f + "=" + v)));
    }

    @Provide
    Arbitrary<Map<String, String>> env() {
        Arbitrary<String> v = Arbitraries.of("", "0", "1", "16", "499", "500", "-3", "abc", "2.5", " 8 ",
                "99999999999999999999", "8G");
        return net.jqwik.api.Combinators.combine(v, v).as((t, r) -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("LAZYFLOW_THREADS", t);
            m.put("LAZYFLOW_TOTAL_RAM_MB", r);
            return m;
        });
    }
}
