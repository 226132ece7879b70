package io.gridsteward.api.party;

import io.gridsteward.api.core.ApiException;
import io.gridsteward.api.party.PartyViews.CommunityYearView;
import io.gridsteward.api.party.PartyViews.MemberYearView;
import io.gridsteward.api.party.PartyViews.UnitYearView;
import java.util.Map;

/** Yearly records as printable pages (一人一档, and the unit's and community's years), in zh-CN or English. */
final class RecordPage {

    private static final Map<String, String[]> LABELS = Map.of(
            "zh",
                    new String[] {
                        "zh-CN",
                        "党员年度服务档案",
                        "年度",
                        "编号",
                        "类别",
                        "社区",
                        "网格党小组",
                        "参加活动",
                        "记录时长（小时）",
                        "核定时长（小时）",
                        "计入时长（小时）",
                        "年度目标（小时）",
                        "积分",
                        "合格线",
                        "半年报到",
                        "可评合格",
                        "是",
                        "否",
                        "规则版本"
                    },
            "en",
                    new String[] {
                        "en",
                        "Party member's yearly service record",
                        "Year",
                        "Id",
                        "Kind",
                        "Community",
                        "Grid party group",
                        "Activities attended",
                        "Credited hours",
                        "Certified hours",
                        "Counted hours",
                        "Yearly target (hours)",
                        "Points",
                        "Pass mark",
                        "Half-yearly report-ins",
                        "May be rated qualified",
                        "yes",
                        "no",
                        "Rules version"
                    });
    private static final Map<String, String[]> UNIT_LABELS = Map.of(
            "zh",
                    new String[] {
                        "驻区单位年度报到档案", "单位", "单位已报到", "在职党员", "已报到党员", "达到年度目标", "报到率", "服务完成率", "计入时长（小时）", "保留考核资格"
                    },
            "en",
                    new String[] {
                        "Resident unit's yearly record",
                        "Unit",
                        "Unit reported in",
                        "Members",
                        "Members reported in",
                        "Members meeting the target",
                        "Report rate",
                        "Completion rate",
                        "Counted hours",
                        "Eligible for assessment"
                    });
    private static final Map<String, String[]> COMMUNITY_LABELS = Map.of(
            "zh", new String[] {"社区年度双报到档案", "已确认报到（按类别）", "按时半年报到的党员", "达到年度目标的党员", "党员"},
            "en",
                    new String[] {
                        "Community's yearly report-in record",
                        "Confirmed report-ins by kind",
                        "Members who reported in on time",
                        "Members meeting the target",
                        "Members"
                    });

    private RecordPage() {}

    /** The page's language from the {@code lang} parameter: zh (the default) or en; anything else is a 400 naming it. */
    static String language(String requested) {
        String chosen = requested == null ? "zh" : requested;
        if (!LABELS.containsKey(chosen)) {
            throw ApiException.malformed("lang", "must be zh or en");
        }
        return chosen;
    }

    static String render(MemberYearView year, String language) {
        String[] label = LABELS.get(language);
        StringBuilder page = start(label[0], label[1], year.year());
        memberRows(page, year, label);
        return end(page);
    }

    static String render(UnitYearView year, String language) {
        String[] label = LABELS.get(language);
        String[] unit = UNIT_LABELS.get(language);
        StringBuilder page = start(label[0], unit[0], year.year());
        row(page, label[2], String.valueOf(year.year()));
        row(page, unit[1], year.unitId());
        row(page, unit[2], year.unitReportedIn() ? label[16] : label[17]);
        row(page, unit[3], String.valueOf(year.members()));
        row(page, unit[4], String.valueOf(year.membersReportedIn()));
        row(page, unit[5], String.valueOf(year.membersMeetingTarget()));
        row(page, unit[6], year.reportRate().toPlainString());
        row(page, unit[7], year.completionRate().toPlainString());
        row(page, unit[8], year.countedHours().toPlainString());
        row(page, unit[9], year.eligibleForAssessment() ? label[16] : label[17]);
        return end(page);
    }

    /** The community's year and, below it, every person's year. */
    static String render(CommunityYearView year, String language) {
        String[] label = LABELS.get(language);
        String[] community = COMMUNITY_LABELS.get(language);
        StringBuilder page = start(label[0], community[0], year.year());
        row(page, label[2], String.valueOf(year.year()));
        row(page, label[5], year.communityId());
        row(page, community[1], year.confirmedByKind().toString());
        row(page, community[2], String.valueOf(year.membersReportInCompliant()));
        row(page, community[3], String.valueOf(year.membersMeetingTarget()));
        row(page, label[8], year.creditedHours().toPlainString());
        row(page, label[9], year.certifiedHours().toPlainString());
        row(page, label[10], year.countedHours().toPlainString());
        page.append("</table>\n<h2>").append(escape(community[4])).append("</h2>\n");
        for (MemberYearView member : year.members()) {
            page.append("<table>\n");
            memberRows(page, member, label);
            page.append("</table>\n");
        }
        return page.append("</body></html>\n").toString();
    }

    private static void memberRows(StringBuilder page, MemberYearView year, String[] label) {
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
    }

    private static StringBuilder start(String languageTag, String title, int year) {
        return new StringBuilder()
                .append("<!DOCTYPE html>\n<html lang=\"")
                .append(languageTag)
                .append("\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title))
                .append(' ')
                .append(year)
                .append("</title>")
                .append(
                        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1em}"
                                + "td,th{border:1px solid #444;padding:.3em .8em;text-align:left}@media print{body{margin:0}}</style></head><body>\n")
                .append("<h1>")
                .append(escape(title))
                .append("</h1>\n<table>\n");
    }

    private static String end(StringBuilder page) {
        return page.append("</table>\n</body></html>\n").toString();
    }

    private static void row(StringBuilder page, String name, String value) {
        page.append("<tr><th>")
                .append(escape(name))
                .append("</th><td>")
                .append(escape(value))
                .append("</td></tr>\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
