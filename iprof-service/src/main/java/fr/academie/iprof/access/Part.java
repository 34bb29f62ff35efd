package fr.academie.iprof.access;

import com.fasterxml.jackson.annotation.JsonValue;

/** The part of a record that someone read, as its owner sees it in the access log. */
public enum Part {
    SUMMARY("synthese", "synthèse (corps, grade, échelon, affectation)"),
    RECORD("dossier", "dossier de carrière"),
    TIMELINE("parcours", "historique de carrière"),
    APPRAISALS("rendez-vous", "rendez-vous de carrière"),
    CV("cv", "CV"),
    APPLICATIONS("candidatures", "candidatures aux promotions");

    private final String code;
    private final String label;

    Part(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    static Part ofCode(String code) {
        for (Part part : values()) {
            if (part.code.equals(code)) {
                return part;
            }
        }
        throw new IllegalArgumentException(code);
    }
}
