package org.cyberreport.cooperation.treaty;

/** The instruments whose parties the treaty table records: what a request between two of them may rest on. */
public enum Instrument {
    BUDAPEST("Budapest Convention on Cybercrime"),
    UN_CYBERCRIME("United Nations Convention against Cybercrime"),
    EU_2023_977("Directive (EU) 2023/977");

    private final String title;

    Instrument(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
