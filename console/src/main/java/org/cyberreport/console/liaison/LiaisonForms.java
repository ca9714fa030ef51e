package org.cyberreport.console.liaison;

/** A liaison's answer and refusal forms, named as in the cooperation API's bodies. */
final class LiaisonForms {

    private LiaisonForms() {
    }

    public static class AnswerForm {
        public String text;
    }

    public static class RefusalForm {
        public String reason;
    }
}
