package dev.baton.knowledge;

import dev.baton.yaml.ConfigException;
import java.util.List;

/** The knowledge base could not be loaded; every problem found is listed with its file:line:column. */
public final class KnowledgeBaseException extends ConfigException {

    public KnowledgeBaseException(List<Problem> problems) {
        super(problems);
    }

    public KnowledgeBaseException(List<Problem> problems, Throwable cause) {
        super(problems, cause);
    }
}
