package uk.gov.childrenshomes.generator.ssda903;

import java.util.List;

/**
 * The SSDA903 CSV set: file names and headers exactly as DfE's files and the shared samples have them.
 */
public enum Ssda903Table {
    HEADER("header.csv", "CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"),
    EPISODES("episodes.csv", "CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
            "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"),
    MISSING("missing.csv", "CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"),
    UASC("uasc.csv", "CHILD", "SEX", "DOB", "DUC"),
    REVIEWS("reviews.csv", "CHILD", "DOB", "REVIEW", "REVIEW_CODE"),
    OC2("oc2.csv", "CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS",
            "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"),
    OC3("oc3.csv", "CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"),
    AD1("ad1.csv", "CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"),
    PLACED_FOR_ADOPTION("placed_for_adoption.csv", "CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED",
            "REASON_PLACED_CEASED"),
    PREVIOUS_PERMANENCE("previous_permanence.csv", "CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"),
    SW_EPISODES("sw_episodes.csv", "CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON");

    private final String fileName;
    private final List<String> columns;

    Ssda903Table(String fileName, String... columns) {
        this.fileName = fileName;
        this.columns = List.of(columns);
    }

    public String fileName() {
        return fileName;
    }

    public List<String> columns() {
        return columns;
    }

    public int column(String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(name + " is not a column of " + fileName);
        }
        return index;
    }
}
