package org.cyberreport.console.triage;

/** The officers' action forms; their fields are named as in the triage API's bodies. */
final class CaseForms {

    private CaseForms() {
    }

    public static class OverrideForm {
        public String level;
        public String reason;
    }

    public static class NoteForm {
        public String text;
    }

    public static class EscalationForm {
        public String destinationCountry;
        public String requestType = "PAYMENT_STOP";
        public boolean urgent;
        public String reason;
    }

    /** A correction of the category and subtype, starting from the case's own. */
    public static class ClassificationForm {
        public String category;
        public String subtype;
        public String reason;

        static ClassificationForm of(CaseViews.Case found) {
            ClassificationForm form = new ClassificationForm();
            form.category = found.category();
            form.subtype = found.subtype();
            return form;
        }
    }

    public static class ClosureForm {
        public String outcome;
        public String reason;
    }
}
