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

    public static class ClosureForm {
        public String outcome;
        public String reason;
    }
}
