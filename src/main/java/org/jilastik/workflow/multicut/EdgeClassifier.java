package org.jilastik.workflow.multicut;

import java.util.ArrayList;
import java.util.List;
import org.jilastik.error.JilastikException;
import org.jilastik.forest.ForestPredictor;
import org.jilastik.forest.VigraClassifier;
import org.jilastik.forest.VigraForest;
import org.jilastik.forest.VigraForestCodec;
import org.jilastik.project.ClassifierGroup;
import org.jilastik.project.StoredClassifier;
import org.jilastik.project.StoredGroup;

/**
 * The edge random forest of a multicut project (group {@code Training and Multicut/Output}, spec multicut §2.6),
 * compiled for two outputs (labels 1 = merge, 2 = cut). Stateless factory.
 */
public final class EdgeClassifier {
    private EdgeClassifier() {
    }

    /**
     * Loads the stored edge classifier.
     *
     * @param group   the project's {@code Training and Multicut} classifier group, or null
     * @param project the project file name, for messages
     * @throws JilastikException (processing) when none is stored or it cannot be used
     */
    public static ForestPredictor of(ClassifierGroup group, String project) {
        StoredClassifier stored = group == null ? null : group.classifier();
        if (stored == null || stored.forests().isEmpty()) {
            throw JilastikException.processing(project + " holds no trained edge classifier; open it in ilastik, "
                    + "label edges, train the edge classifier (or untick \"Train edge classifier\") and save the "
                    + "project");
        }
        if (!stored.type().usable()) {
            throw JilastikException.processing("the edge classifier in " + stored.groupPath() + " is a "
                    + stored.type().className() + ", which jilastik cannot load; retrain it with ilastik's default "
                    + "random forest and save the project");
        }
        List<VigraForest> forests = new ArrayList<>();
        for (StoredGroup g : stored.forests()) {
            forests.add(VigraForestCodec.decode(g, stored.groupPath() + "/" + g.name()));
        }
        long[] known = stored.knownLabels() == null ? new long[] {1, 2} : stored.knownLabels();
        VigraClassifier c = new VigraClassifier(stored.type(), forests, known,
                stored.featureNames() == null ? List.of() : stored.featureNames(), null);
        return ForestPredictor.compile(c, 2);
    }
}
