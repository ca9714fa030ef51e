package org.cyberreport.triage.notice;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cyberreport.kit.notify.Audience;
import org.cyberreport.kit.notify.Notice;
import org.cyberreport.kit.security.Caller;
import org.cyberreport.triage.casework.CaseStatus;
import org.cyberreport.triage.casework.HistoryEntry;
import org.cyberreport.triage.casework.Outcome;
import org.cyberreport.triage.casework.TriageCase;

/**
 * What a case's state says its people are to be told, as notices keyed by the fact they tell, so the
 * same state read again (after a restart, by the sweep, on the next write of the case) gives the same
 * keys and nobody is told twice.
 * <ul>
 * <li>The country's officers: the case is P1 (new, or risen to it: keyed by the history entry where
 * it became P1), due within the hour, past its due time (keyed by the due time, so a case told once
 * is told again only when an override moves its due time). A claimed case's due times go to its
 * claimant alone.</li>
 * <li>The filing unit: its report's case has a level (the first one, then each change), was escalated
 * abroad, was closed, with the outcome. The unit reads its own report's reference and the case's
 * level, status and outcome: nothing of the case's work, links or notes.</li>
 * <li>The triage officers of the unit that handles trafficking: the case names a possible victim of
 * trafficking (once per case).</li>
 * </ul>
 */
public final class CaseNoticeRules {

    public static final String CASE_P1 = "CASE_P1";
    public static final String CASE_DUE_SOON = "CASE_DUE_SOON";
    public static final String CASE_OVERDUE = "CASE_OVERDUE";
    public static final String CASE_LEVEL = "CASE_LEVEL";
    public static final String CASE_ESCALATED = "CASE_ESCALATED";
    public static final String CASE_CLOSED = "CASE_CLOSED";
    public static final String CASE_TRAFFICKING = "CASE_TRAFFICKING";
    public static final List<String> KINDS = List.of(CASE_P1, CASE_DUE_SOON, CASE_OVERDUE, CASE_LEVEL, CASE_ESCALATED,
            CASE_CLOSED, CASE_TRAFFICKING);

    private final Duration dueSoon;

    public CaseNoticeRules(Duration dueSoon) {
        this.dueSoon = dueSoon;
    }

    public List<Notice> of(TriageCase triageCase, Instant now) {
        List<Notice> notices = new ArrayList<>();
        if (triageCase.reference() == null || triageCase.country() == null || triageCase.level() == null) {
            return notices;
        }
        LevelChange change = lastLevelChange(triageCase.history());
        boolean open = triageCase.status() != CaseStatus.CLOSED;
        if (open && change != null && "P1".equals(change.level())) {
            notices.add(forOfficers(triageCase, "p1:" + change.index(), CASE_P1, now, change.from() == null
                    ? "Case " + triageCase.reference() + " is new at P1"
                    : "Case " + triageCase.reference() + " rose to P1 (was " + change.from() + ")",
                    change.from() == null ? Map.of() : Map.of("from", change.from())));
        }
        if (open && triageCase.dueAt() != null) {
            Instant due = triageCase.dueAt();
            if (!due.isAfter(now)) {
                notices.add(dueNotice(triageCase, "overdue:" + due.toEpochMilli(), CASE_OVERDUE, now,
                        "Case " + triageCase.reference() + " (" + triageCase.level() + ") is past its due time " + due));
            } else if (!due.isAfter(now.plus(dueSoon))) {
                notices.add(dueNotice(triageCase, "due-soon:" + due.toEpochMilli(), CASE_DUE_SOON, now,
                        "Case " + triageCase.reference() + " (" + triageCase.level() + ") is due within the hour, at " + due));
            }
        }
        if (open && triageCase.trafficking() != null) {
            notices.add(traffickingNotice(triageCase, now));
        }
        if (triageCase.unit() != null) {
            forUnit(triageCase, change, now, notices);
        }
        return notices;
    }

    private void forUnit(TriageCase triageCase, LevelChange change, Instant now, List<Notice> notices) {
        if (change != null) {
            notices.add(unitNotice(triageCase, "unit-level:" + change.index(), CASE_LEVEL, now,
                    "Report " + triageCase.reference() + ": its case is at " + change.level()
                            + (change.from() == null ? "" : " (was " + change.from() + ")"),
                    Map.of("level", change.level())));
        }
        List<HistoryEntry> history = triageCase.history();
        for (int i = history.size() - 1; i >= 0; i--) {
            if ("ESCALATED".equals(history.get(i).action())) {
                notices.add(unitNotice(triageCase, "unit-escalated:" + i, CASE_ESCALATED, now,
                        "Report " + triageCase.reference() + ": its case was escalated to another country", Map.of()));
                break;
            }
        }
        if (triageCase.status() == CaseStatus.CLOSED && triageCase.closure() != null
                && triageCase.closure().outcome() != Outcome.WITHDRAWN_BY_UNIT) {
            String outcome = triageCase.closure().outcome().name();
            notices.add(unitNotice(triageCase, "unit-closed", CASE_CLOSED, now,
                    "Report " + triageCase.reference() + ": its case was closed, outcome " + outcome,
                    Map.of("outcome", outcome)));
        }
    }

    private static Notice forOfficers(TriageCase triageCase, String fact, String kind, Instant now, String summary,
                                      Map<String, String> more) {
        Map<String, String> facts = officerFacts(triageCase);
        facts.putAll(more);
        return new Notice(key(triageCase, fact), kind, Audience.roleInCountry(Caller.TRIAGE_OFFICER, triageCase.country()),
                triageCase.reference(), "/triage/cases/" + triageCase.id(), facts, summary, now);
    }

    /**
     * To the triage officers of the unit that handles trafficking (of the whole country where none is
     * named): once per case, when it is first flagged.
     */
    private static Notice traffickingNotice(TriageCase triageCase, Instant now) {
        String unit = triageCase.trafficking().unit();
        Audience audience = unit == null ? Audience.roleInCountry(Caller.TRIAGE_OFFICER, triageCase.country())
                : Audience.roleInUnit(Caller.TRIAGE_OFFICER, triageCase.country(), unit);
        Map<String, String> facts = officerFacts(triageCase);
        facts.put("persons", String.valueOf(triageCase.trafficking().persons()));
        return new Notice(key(triageCase, "trafficking"), CASE_TRAFFICKING, audience, triageCase.reference(),
                "/triage/cases/" + triageCase.id(), facts, "Case " + triageCase.reference() + " names "
                        + triageCase.trafficking().persons() + " possible victim(s) of trafficking in a scam compound", now);
    }

    private static Notice dueNotice(TriageCase triageCase, String fact, String kind, Instant now, String summary) {
        Audience audience = triageCase.claimedBy() == null
                ? Audience.roleInCountry(Caller.TRIAGE_OFFICER, triageCase.country())
                : Audience.user(triageCase.claimedBy().subject());
        return new Notice(key(triageCase, fact), kind, audience, triageCase.reference(),
                "/triage/cases/" + triageCase.id(), officerFacts(triageCase), summary, now);
    }

    private static Map<String, String> officerFacts(TriageCase triageCase) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("level", triageCase.level().name());
        if (triageCase.category() != null) {
            facts.put("category", triageCase.category());
        }
        if (triageCase.dueAt() != null) {
            facts.put("dueAt", triageCase.dueAt().toString());
        }
        return facts;
    }

    private static Notice unitNotice(TriageCase triageCase, String fact, String kind, Instant now, String summary,
                                     Map<String, String> more) {
        Map<String, String> facts = new LinkedHashMap<>(more);
        facts.put("status", triageCase.status().name());
        facts.putIfAbsent("level", triageCase.level().name());
        return new Notice(key(triageCase, fact), kind,
                Audience.roleInUnit(Caller.REPORTER, triageCase.country(), triageCase.unit()), triageCase.reference(),
                "/reports/" + triageCase.id(), facts, summary, now);
    }

    private static String key(TriageCase triageCase, String fact) {
        return "case:" + triageCase.id() + ":" + fact;
    }

    /** Where in the history the case's level (an officer's override, else the computed one) last changed. */
    record LevelChange(int index, String level, String from) {
    }

    static LevelChange lastLevelChange(List<HistoryEntry> history) {
        String override = null;
        String effective = null;
        LevelChange last = null;
        for (int i = 0; i < history.size(); i++) {
            HistoryEntry entry = history.get(i);
            String now = effective;
            if ("SCORED".equals(entry.action()) && entry.details().get("level") != null) {
                now = override != null ? override : entry.details().get("level");
            } else if ("LEVEL_OVERRIDDEN".equals(entry.action()) && entry.details().get("to") != null) {
                override = entry.details().get("to");
                now = override;
            }
            if (now != null && !now.equals(effective)) {
                last = new LevelChange(i, now, effective);
                effective = now;
            }
        }
        return last;
    }
}
