package io.gridsteward.api.party;

import io.gridsteward.api.party.PartyViews.MemberYearView;
import java.util.Map;

/** A person's yearly record as a printable page (一人一档), in zh-CN or English. */
final class RecordPage {

    private static final Map<String, String[]> LABELS = Map.of(
            "zh", new String[] {"zh-CN", "党员年度服务档案", "年度", "编号", "类别", "社区", "网格党小组", "参加活动", "记录时长（小时）",
                    "核定时长（小时）", "计入时长（小时）", "年度目标（小时）", "积分", "合格线", "半年报到", "可评合格", "是", "否", "规则版本"},
            "en", new String[] {"en", "Party member's yearly service record", "Year", "Id", "Kind", "Community", "Grid party group",
                    "Activities attended", "Credited hours", "Certified hours", "Counted hours", "Yearly target (hours)", "Points", "Pass mark",
                    "Half-yearly report-ins", "May be rated qualified", "yes", "no", "Rules version"});

    private RecordPage() {
    }

    static boolean supports(String language) {
        return LABELS.containsKey(language);
    }

    static String render(MemberYearView year, String language) {
        String[] label = LABELS.get(language);
        StringBuilder page = new StringBuilder()
                .append("<!DOCTYPE html>\n<html lang=\"").append(label[0]).append("\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(label[1])).append(' ').append(year.year()).append("</title>")
                .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #444;padding:.3em .8em;text-align:left}"
                        + "@media print{body{margin:0}}</style></head><body>\n")
                .append("<h1>").append(escape(label[1])).append("</h1>\n<table>\n");
        row(page, label[2], String.valueOf(year.year()));
        row(page, label[3], year.enrolleeId());
        row(page, label[4], year.kind());
        row(page, label[5], year.communityId());
        row(page, label[6], year.groupId() == null ? "—" : year.groupId());
        row(page, label[7], String.valueOf(year.activitiesAttended()));
        row(page, label[8], year.creditedHours().toPlainString());
        row(page, label[9], year.certifiedHours().toPlainString());
        row(page, label[10], year.countedHours().toPlainString());
        row(page, label[11], year.targetHours() + " (" + (year.targetMet() ? label[16] : label[17]) + ")");
        row(page, label[12], year.points() + " " + year.pointsByKind());
        row(page, label[13], year.passMark() + " (" + (year.passMarkMet() ? label[16] : label[17]) + ")");
        row(page, label[14], year.reportPeriodsMet() + " / " + year.reportPeriodsDue());
        row(page, label[15], year.mayBeRatedQualified() ? label[16] : label[17]);
        row(page, label[18], year.rulesVersion());
        return page.append("</table>\n</body></html>\n").toString();
    }

    private static void row(StringBuilder page, String name, String value) {
        page.append("<tr><th>").append(escape(name)).append("</th><td>").append(escape(value)).append("</td></tr>\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
