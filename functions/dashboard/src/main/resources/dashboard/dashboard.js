// The county leaders' dashboard: one request for the caller's organisation tree, one request per panel, charts drawn
// by Apache ECharts (served by this function), every chart with its table and a CSV download.
"use strict";

const TIME_ZONE = "Asia/Shanghai";
const TOKEN_KEY = "grid-steward-token";
const LANGUAGE_KEY = "grid-steward-language";

const TEXT = {
  zh: {
    title: "居民大管家 · 工单办理情况", otherLanguage: "English", token: "访问令牌", signIn: "登录",
    period: "统计月份", place: "范围", category: "类别", allCategories: "全部类别",
    scopeNote: "日期和月份均按北京时间（Asia/Shanghai）划分。点击图中的镇街、社区或网格可逐级查看。",
    footer: "数据来自工单全程留痕的事件记录；同一查询的结果在服务端缓存约一分钟。",
    computedAt: "数据计算于", demoIdentity: "本地演示身份：", loading: "加载中…", noData: "本期暂无数据。",
    failed: "无法加载数据：", signInFirst: "请登录（HTTP 401）", downloadCsv: "下载 CSV", showTable: "查看数据表",
    monthSoFar: "（截至今天）", county: "全县", categoryCountyOnly: "类别筛选只作用于全县范围的图表。",
    tickets: "件", reported: "受理工单", reopened: "重新打开", escalated: "上报升级", returned: "退单",
    date: "日期", autoRouted: "系统自动分派", handDispatched: "人工派单", handMedian: "人工派单用时中位数",
    handP90: "人工派单用时第90百分位", medianAccept: "签收用时中位数", p90: "第90百分位", medianResolve: "办结用时中位数",
    resolvedTickets: "已办结", onTimeTickets: "按时办结", onTimeRate: "按时办结率", ratedTickets: "已评价",
    meanRating: "平均评分", stars: "星", openTickets: "未办结", overdueTickets: "已超期", misses: "超时次数",
    dispatchMisses: "派单超时", acceptanceMisses: "签收超时", resolutionMisses: "办结超时", missedTickets: "涉及工单",
    responsible: "责任单位", kind: "类型", minutes: "分钟", hours: "小时", seconds: "秒", days: "天",
    kinds: { TOWN: "镇街调度", COMMUNITY: "社区", GRID: "网格", DEPARTMENT: "县直部门", COUNTY: "县" },
    levels: { town: "镇街", community: "社区", grid: "网格", department: "部门", category: "类别" },
    kpiReported: "受理工单", kpiReportedExplain: "本月群众和网格员报告的问题（按报告日期，计入问题所在地）",
    kpiReceived: "接收工单", kpiReceivedExplain: "本月派给或升级到本部门的工单（次）",
    kpiAuto: "自动分派占比", kpiAutoExplain: "报告时按规则直接派到承办单位的工单占已派单工单的比例",
    kpiOnTime: "按时办结率", kpiOnTimeExplain: "本月办结的工单中在办结时限内办结的比例",
    kpiRating: "群众满意度", kpiRatingExplain: "本月群众评价的平均分（1–5 星）",
    kpiOverdue: "超期积压", kpiOverdueExplain: "月末（或今天）仍未办结且已过办结时限的工单",
    kpiMisses: "超时次数", kpiMissesExplain: "本月系统记录的派单、签收、办结超时",
    groupTickets: "工单办理", groupTicketsNote: "所选月份的工单：谁报告、谁派单、谁签收和办结。",
    groupAssessment: "考核：三率与综合得分",
    groupAssessmentNote: "按接诉即办的做法计算响应率、解决率、满意率和综合得分；每个比率都给出件数和 95% 区间，件数不足的单位不排名。",
    groupResources: "资源下沉：经费、党员双报到、资源对接",
    groupResourcesNote: "经费和资源对接按本年 1 月 1 日至所选月份末累计；报到人数为所选月份末的状态；服务时长为所选月份。",
    score: "综合得分", rank: "排名", listed: "榜单", redList: "红榜", blackList: "黑榜", notRanked: "未排名", none: "无",
    responseRate: "响应率", resolutionRate: "解决率", satisfactionRate: "满意率", onTimeClosureRate: "按时办结率",
    returnRate: "退单率", redoRate: "重办率", receivedTickets: "接收工单", lower: "95%下限", upper: "95%上限",
    numerator: "分子", denominator: "分母", belowMinimum: "件数不足，不排名", rankedCount: "参加排名", frozen: "已定稿",
    blackListTogether: "全县黑榜由镇街和县直部门合并排出，部门的名次见“县直部门考核排名”。",
    rule: (rules) => `综合得分 = 100 ×（${rules.response} × 响应率 + ${rules.resolution} × 解决率 + ${rules.satisfaction} × 满意率）；`
      + `满意 = 5 星 + ${rules.basically} × 4 星。当月接收工单不少于 ${rules.minimum} 件的单位才参加排名：件数太少时比率主要是偶然（见每个比率的 95% 区间）。`
      + `红榜为每类单位得分前 ${rules.list} 名，黑榜为所有参加排名单位合在一起的后 ${rules.list} 名，每榜最多列出参加排名单位的一半；得分相同并列。`
      + `每月只计入月末后 ${rules.freeze} 天内发生的结果，此后该月数字不再变化。`,
    allocated: "下达", approved: "审批通过", paid: "已支付", reversed: "退回", utilisation: "执行率", yuan: "元",
    moneyUnit: "万元", claimsPaid: "已支付报销（笔）", tasksFunded: "已拨款任务", fundKind: "经费类别",
    fundKinds: { GRID_PARTY_GROUP_ACTIVITY: "网格党小组活动经费", COMMUNITY_WORK: "社区工作经费", SERVICE_THE_MASSES: "为民服务经费",
      DELEGATED_TASK: "部门委托任务经费", TOWN_PARTY_BUILDING: "镇街党建经费", COUNTY_PARTY_BUILDING: "县党建经费" },
    membersReportedIn: "报到党员", sunkStaffReportedIn: "报到下沉干部", unitsReportedIn: "报到单位",
    membersCompliant: "按时报到党员", compliance: "按时报到率", membersMeetingTarget: "达到年度服务时长",
    checkIns: "签到人次", activeMembers: "参与党员", activeSunkStaff: "参与下沉干部", autoClosed: "自动签退",
    memberHours: "党员服务时长", sunkStaffHours: "下沉干部服务时长", people: "人",
    offersPublished: "发布资源", offersClaimed: "资源被认领", offersFulfilled: "资源已完成",
    demandsPublished: "发布需求", demandsClaimed: "需求被认领", demandsFulfilled: "需求已完成",
    projectsCompleted: "完工项目", claimedValue: "认领价值", fulfilledValue: "完成价值", items: "项",
    projectRatings: "项目评价", meanProjectRating: "平均评分",
    claims: "认领（笔）", median: "中位数", demandsMet: "已满足需求", smallWishes: "其中微心愿", shareMet: "需求满足率",
    categories: { streetlight: "路灯", garbage: "垃圾清运", "road-damage": "道路破损", "water-leak": "漏水",
      drainage: "排水堵塞", noise: "噪音", greenery: "绿化", parking: "占道停车", "elderly-care": "养老帮扶", pothole: "坑洼" },
    panels: {
      trend: ["每日受理工单", "每天新报告的工单数，以及其中至今被退单、上报升级、重新打开过的工单（按报告日期和问题所在地计）。",
        "群众和网格员报告的问题，反映辖区内问题多少，不是某个单位的成绩。"],
      dispatch: ["派单：自动分派与人工派单", "已派单工单中，报告时由系统按规则直接派出的（用时为零，不计入用时）与镇街调度中心人工派出的；人工派单用时 = 首次派单 − 报告。",
        "人工派单是<b>镇街调度中心</b>的工作；自动分派按县里的分派规则进行。"],
      accept: ["签收用时", "工单交给签收单位（最后一次派单或升级）到签收的时间，取中位数（第 90 百分位见表）；此前被退回或升级的单位的等待不算在签收单位头上。",
        "<b>承办单位</b>（网格、社区或县直部门）的工作，按工单所在地汇总。"],
      resolve: ["办结用时", "报告到首次办结的时间，取中位数（第 90 百分位见表）；重新打开不把已计入的办结移出当月，重办见考核的重办率。",
        "<b>承办单位</b>的工作，按工单所在地汇总。"],
      onTime: ["按时办结率", "本月办结的工单中，在办结时限内办结的比例；时限不因后续步骤而改变。",
        "<b>承办单位</b>的工作，按工单所在地汇总。"],
      ratings: ["群众评价分布", "群众对办理结果的评分（1–5 星）分布和平均分，以最后一次评价为准。",
        "群众对<b>承办单位</b>办理结果的评价。"],
      backlog: ["超期积压", "月末（本月为今天）仍未办结的工单，其中已过办结时限的为超期。",
        "当时<b>持有工单的单位</b>需要处理的积压，按工单所在地汇总。"],
      misses: ["超时责任单位", "系统记录的每一次超时，计入超时发生时持有工单的单位：镇街调度（派单超时）、网格、社区或县直部门。",
        "每一行都是<b>该责任单位</b>自己的超时。"],
      map: ["工单分布图", "每个点是一个网格，位置取自网格中心坐标，点的大小表示本月受理的工单数；线框是社区范围。不使用在线地图。",
        "反映问题在哪里发生，不是某个单位的成绩。点击网格可查看该网格。"],
      categories: ["问题类别", "本月各类问题的受理数量（全县）。", "反映群众报告的问题类型。"],
      departments: ["县直部门签收用时", "交给县直部门的工单从派单或升级到签收的时间，取中位数。", "<b>县直部门</b>的工作。"],
      assessment: ["考核排名", "综合得分由响应率（按时签收 ÷ 应签收）、解决率（已解决 ÷ 到期）、满意率（满意 ÷ 已评价）加权得出；表中每个比率附件数和 95% 区间。",
        "每一件计入<b>当时持有工单的单位</b>：签收计入接收单位，解决计入到期或办结时的持有单位，评价计入被评价时的持有单位。"],
      assessmentDepartments: ["县直部门考核排名", "县直部门的三率和综合得分；红榜在部门之间排，黑榜与镇街合并排。", "<b>县直部门</b>的工作。"],
      funds: ["经费：下达、审批、支付", "本年下达（新拨付，不含转拨和结转）、审批通过、已支付的经费；执行率 =（已支付 − 退回）÷ 下达。",
        "<b>经费持有单位</b>（镇街、社区、网格党小组）的执行情况，按经费所在地汇总。"],
      fundSources: ["经费来源", "按经费类别统计的本年下达、审批通过和已支付（全县）。", "反映各类经费的执行情况。"],
      delegatedTasks: ["部门委托任务及经费", "县直部门委托社区承办的任务（已拨经费的任务数）及其经费的下达、审批、支付。", "委托任务的<b>县直部门</b>。"],
      partyMembers: ["党员双报到", "所选月份末已报到社区的在职党员、下沉干部和单位；按时报到率 = 本半年内按时报到（或续报）的党员 ÷ 已报到党员。",
        "<b>社区</b>对报到党员的管理，按报到所在地汇总。"],
      partyService: ["服务时长", "所选月份党员和下沉干部参加活动的服务时长（有组织者核定的按核定，否则按签到签退计）。", "报到到<b>社区和网格</b>的党员、干部的服务。"],
      resources: ["资源与需求对接", "本年资源（共建单位提供）和需求（社区、群众提出）的发布、被认领和完成（项目完工）。",
        "<b>社区和网格</b>与共建单位的对接，按服务的社区、网格汇总。"],
      claimTimes: ["资源认领用时", "资源或需求从发布到被认领的时间（不含后来被拒绝的认领），按认领月份取中位数（第 90 百分位见表）；本年逐月。",
        "<b>社区和网格</b>与共建单位对接的快慢，按服务的社区、网格汇总。"],
      completionTimes: ["项目完成用时", "从认领到项目完工的时间，按完工月份取中位数（第 90 百分位见表）；本年逐月。",
        "认领的<b>共建单位、党组织和党员</b>把事情办完的快慢，按服务的社区、网格汇总。"],
      demandsMet: ["需求满足情况", "本年发布的需求（含微心愿）中，完工项目的数量已达到所需数量的需求；需求满足率 = 已满足 ÷ 发布。",
        "<b>社区和网格</b>提出的需求有没有被满足，按需求所在地汇总。"],
      projectRatings: ["资源项目评价", "本年群众对完工资源项目的评分（1–5 星）分布和平均分。", "群众对<b>资源项目</b>的评价，按服务的社区、网格汇总。"]
    }
  },
  en: {
    title: "Residents' Steward · Tickets", otherLanguage: "中文", token: "Bearer token", signIn: "Sign in",
    period: "Month", place: "Area", category: "Category", allCategories: "All categories",
    scopeNote: "Days and months are cut in China Standard Time (Asia/Shanghai). Click a town, community or grid in a chart to drill down.",
    footer: "Figures come from the tickets' event trail; the server keeps each query's answer for about a minute.",
    computedAt: "Computed at", demoIdentity: "Local demo identity: ", loading: "Loading…", noData: "No data for this period.",
    failed: "Could not load the data: ", signInFirst: "Please sign in (HTTP 401)", downloadCsv: "Download CSV", showTable: "Show the table",
    monthSoFar: " (so far)", county: "whole county", categoryCountyOnly: "The category filter applies to the county-wide charts only.",
    tickets: "tickets", reported: "Reported", reopened: "Reopened", escalated: "Escalated", returned: "Returned",
    date: "Date", autoRouted: "Auto-routed", handDispatched: "Dispatched by hand", handMedian: "Median time to dispatch by hand",
    handP90: "90th percentile", medianAccept: "Median time to accept", p90: "90th percentile", medianResolve: "Median time to resolve",
    resolvedTickets: "Resolved", onTimeTickets: "On time", onTimeRate: "On-time rate", ratedTickets: "Rated",
    meanRating: "Mean rating", stars: "★", openTickets: "Open", overdueTickets: "Overdue", misses: "Misses",
    dispatchMisses: "Dispatch", acceptanceMisses: "Acceptance", resolutionMisses: "Resolution", missedTickets: "Tickets",
    responsible: "Responsible organisation", kind: "Kind", minutes: "min", hours: "h", seconds: "s", days: "days",
    kinds: { TOWN: "Town dispatcher", COMMUNITY: "Community", GRID: "Grid", DEPARTMENT: "Department", COUNTY: "County" },
    levels: { town: "Town", community: "Community", grid: "Grid", department: "Department", category: "Category" },
    kpiReported: "Tickets reported", kpiReportedExplain: "Problems reported this month by residents and grid workers, counted where they are",
    kpiReceived: "Tickets received", kpiReceivedExplain: "Dispatches and escalations to this department this month",
    kpiAuto: "Auto-routed", kpiAutoExplain: "Share of dispatched tickets sent by the routing rules at intake",
    kpiOnTime: "On-time rate", kpiOnTimeExplain: "Tickets resolved this month within their resolve-by time",
    kpiRating: "Residents' rating", kpiRatingExplain: "Mean of this month's ratings (1–5 stars)",
    kpiOverdue: "Overdue backlog", kpiOverdueExplain: "Open tickets past their resolve-by time at month end (or today)",
    kpiMisses: "Missed deadlines", kpiMissesExplain: "Dispatch, acceptance and resolution deadlines missed this month",
    groupTickets: "Tickets", groupTicketsNote: "The selected month's tickets: who reported, dispatched, accepted and resolved them.",
    groupAssessment: "Assessment: the three rates and the score",
    groupAssessmentNote: "Response, resolution and satisfaction rates and the composite score, as the 12345 platforms assess; every rate with its count and 95% interval; too few tickets, no rank.",
    groupResources: "Resources moved down: funds, party members reporting in, resources matched",
    groupResourcesNote: "Funds and resources: from 1 January to the end of the selected month; members reported in: at the month's end; service hours: in the month.",
    score: "Score", rank: "Rank", listed: "List", redList: "Red list", blackList: "Black list", notRanked: "Not ranked", none: "none",
    responseRate: "Response rate", resolutionRate: "Resolution rate", satisfactionRate: "Satisfaction rate", onTimeClosureRate: "On-time closure",
    returnRate: "Return rate", redoRate: "Redo rate", receivedTickets: "Tickets received", lower: "95% low", upper: "95% high",
    numerator: "numerator", denominator: "denominator", belowMinimum: "too few tickets, not ranked", rankedCount: "Ranked", frozen: "Final",
    blackListTogether: "The county's black list ranks towns and county departments together; departments are in \"County departments: assessment\".",
    rule: (rules) => `Score = 100 × (${rules.response} × response rate + ${rules.resolution} × resolution rate + ${rules.satisfaction} × satisfaction rate); `
      + `satisfied = 5 stars + ${rules.basically} × 4 stars. Only organisations that received at least ${rules.minimum} tickets in the month are ranked: `
      + `with fewer, a rate is mostly chance (see each rate's 95% interval). Red list: the top ${rules.list} of each kind; black list: the bottom `
      + `${rules.list} of all ranked together; each list names at most half of those ranked; equal scores share a rank. `
      + `A month counts outcomes up to ${rules.freeze} days after its end; then its figures no longer change.`,
    allocated: "Allocated", approved: "Approved", paid: "Paid", reversed: "Paid back", utilisation: "Utilisation", yuan: "CNY",
    moneyUnit: "thousand CNY", claimsPaid: "Claims paid", tasksFunded: "Tasks funded", fundKind: "Source",
    fundKinds: { GRID_PARTY_GROUP_ACTIVITY: "Grid party groups' activity funds", COMMUNITY_WORK: "Community work funds", SERVICE_THE_MASSES: "Service-the-masses funds",
      DELEGATED_TASK: "Delegated tasks' funds", TOWN_PARTY_BUILDING: "Towns' party-building funds", COUNTY_PARTY_BUILDING: "County party-building fund" },
    membersReportedIn: "Members reported in", sunkStaffReportedIn: "Sunk staff reported in", unitsReportedIn: "Units reported in",
    membersCompliant: "Members reported on time", compliance: "Report-in compliance", membersMeetingTarget: "Meeting the yearly hours",
    checkIns: "Check-ins", activeMembers: "Active members", activeSunkStaff: "Active sunk staff", autoClosed: "Auto-closed check-outs",
    memberHours: "Members' service hours", sunkStaffHours: "Sunk staff's service hours", people: "people",
    offersPublished: "Offers published", offersClaimed: "Offers claimed", offersFulfilled: "Offers fulfilled",
    demandsPublished: "Demands published", demandsClaimed: "Demands claimed", demandsFulfilled: "Demands fulfilled",
    projectsCompleted: "Projects completed", claimedValue: "Value claimed", fulfilledValue: "Value fulfilled", items: "items",
    projectRatings: "Project ratings", meanProjectRating: "Mean rating",
    claims: "Claims", median: "Median", demandsMet: "Demands met", smallWishes: "Small wishes among them", shareMet: "Share met",
    categories: { streetlight: "Streetlights", garbage: "Rubbish collection", "road-damage": "Road damage", "water-leak": "Water leaks",
      drainage: "Drainage", noise: "Noise", greenery: "Greenery", parking: "Parking", "elderly-care": "Elderly care", pothole: "Potholes" },
    panels: {
      trend: ["Tickets reported per day", "New tickets each day, and those of them returned, escalated or reopened since (by the day reported and where the problem is).",
        "What residents and grid workers report: how many problems the area has, nobody's score."],
      dispatch: ["Dispatch: auto-routed and by hand", "Dispatched tickets sent by the routing rules at intake (no waiting, not timed) and those the town dispatch centre sent by hand; time to dispatch = first dispatch − report.",
        "Dispatching by hand is the <b>town dispatch centre</b>'s work; auto-routing follows the county's rules."],
      accept: ["Time to accept", "From the hand-over to the organisation that accepted (its last dispatch or escalation) to the acceptance, median (90th percentile in the table); the waiting at those who returned or passed it on is not charged to it.",
        "The <b>assignee</b>'s work (grid team, community or county department), counted where the ticket is."],
      resolve: ["Time to resolve", "From the report to the first resolution, median (90th percentile in the table); a reopening does not take a resolution out of its month (see the redo rate in the assessment).",
        "The <b>assignee</b>'s work, counted where the ticket is."],
      onTime: ["On-time rate", "Share of the tickets resolved this month that were resolved by their resolve-by time; no later step moves a due time.",
        "The <b>assignee</b>'s work, counted where the ticket is."],
      ratings: ["Residents' ratings", "Distribution of residents' ratings of the result (1–5 stars) and their mean; the last rating counts.",
        "Residents' judgement of the <b>assignee</b>'s work."],
      backlog: ["Overdue backlog", "Tickets still open at month end (today for this month); overdue: past their resolve-by time.",
        "The backlog of <b>whoever holds the tickets</b>, counted where the ticket is."],
      misses: ["Missed deadlines by responsible organisation", "Every deadline the SLA sweeper found missed, counted against the organisation holding the ticket then: the town's dispatcher (dispatch), a grid, a community or a department.",
        "Each row is <b>that organisation</b>'s own misses."],
      map: ["Where tickets come from", "Each point is a grid at its centre; its size is the tickets reported this month; outlines are communities. No online map tiles.",
        "Where problems arise, nobody's score. Click a grid to open it."],
      categories: ["Categories", "Tickets reported this month per category (whole county).", "What residents report."],
      departments: ["County departments: time to accept", "From the dispatch or escalation to a department to its acceptance, median.", "The <b>county departments</b>' work."],
      assessment: ["Assessment ranking", "The score weighs the response rate (accepted in time ÷ due to accept), the resolution rate (resolved ÷ due) and the satisfaction rate (satisfied ÷ rated); the table gives every rate with its count and 95% interval.",
        "Each ticket is charged to <b>whoever held it</b>: an acceptance to the receiver, a resolution to the holder when it was resolved or fell due, a rating to the holder when rated."],
      assessmentDepartments: ["County departments: assessment", "The county departments' three rates and score; their red list is among departments, the black list with the towns.", "The <b>county departments</b>' work."],
      funds: ["Funds: allocated, approved, paid", "This year's money allocated (new money, not transfers or carry-overs), approved in claims and paid; utilisation = (paid − paid back) ÷ allocated.",
        "How the <b>fund holders</b> (towns, communities, grid party groups) spend, counted where the fund is."],
      fundSources: ["Funds by source", "This year's money allocated, approved and paid per kind of fund (whole county).", "How each kind of fund is spent."],
      delegatedTasks: ["Tasks delegated by departments", "Tasks county departments delegated to communities (tasks that received money) and their funds allocated, approved and paid.", "The <b>delegating departments</b>."],
      partyMembers: ["Party members reporting in", "Party members, sunk staff and units reported in to a community at the month's end; compliance = members who reported in this half-year ÷ members reported in.",
        "The <b>communities</b>' care of the members reported to them."],
      partyService: ["Service hours", "Hours of service at activities in the selected month, members and sunk staff apart (certified by the organiser where there is one, else from check-in and check-out).",
        "Service of those reported to the <b>communities and grids</b>."],
      resources: ["Offers and demands matched", "This year's offers (from units) and demands (from communities and residents) published, claimed and fulfilled (project completed).",
        "The <b>communities' and grids'</b> matching with partner units, counted where the work is."],
      claimTimes: ["Time to claim", "From an offer's or a demand's publication to its claim (claims not later declined), median per month of the claim (90th percentile in the table); this year, month by month.",
        "How quickly the <b>communities and grids</b> are matched with partners, counted where the work is."],
      completionTimes: ["Time to complete", "From the claim to the project's completion, median per month of the completion (90th percentile in the table); this year, month by month.",
        "How quickly the <b>units, party groups and members</b> who claimed get the work done, counted where the work is."],
      demandsMet: ["Demands met", "This year's demands (small wishes among them) whose completed projects add up to what was asked; share met = met ÷ published.",
        "Whether the <b>communities' and grids'</b> demands are met, counted where the demand is."],
      projectRatings: ["Resource projects: residents' ratings", "This year's ratings of completed resource projects (1–5 stars) and their mean.", "Residents' judgement of <b>resource projects</b>, counted where the work is."]
    }
  }
};

const CHILD_DIMENSION = { COUNTY: "town", TOWN: "community", COMMUNITY: "grid", GRID: "grid", DEPARTMENT: "department" };
const COLOURS = { primary: "#2f6fb3", auto: "#8fb8de", hand: "#2f6fb3", warn: "#d9822b", bad: "#b42318", good: "#2e8540",
  ratings: ["#b42318", "#e07a5f", "#f2cc8f", "#81b29a", "#2e8540"] };

// A script error is shown, not swallowed: the page would otherwise sit half drawn without a word.
window.addEventListener("error", event => showError(event.message));
window.addEventListener("unhandledrejection", event => showError(String(event.reason)));
function showError(message) {
  const errors = document.getElementById("errors");
  errors.hidden = false;
  errors.textContent = (errors.textContent ? errors.textContent + "; " : "") + message;
}

let language = localStorage.getItem(LANGUAGE_KEY) === "en" ? "en" : "zh";
const state = { organisations: new Map(), rootId: null, scopeId: null, month: null, category: "" };
const results = new Map();
const charts = new Map();

function t(key) { return TEXT[language][key]; }

// ---- Dates in the county's time zone ----
function today() { return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE }).format(new Date()); }
function monthRange(month) {
  const [year, number] = month.split("-").map(Number);
  const last = new Date(Date.UTC(year, number, 0)).getUTCDate();
  const end = month + "-" + String(last).padStart(2, "0");
  return { from: month + "-01", to: end < today() ? end : today() };
}
function recentMonths(count) {
  const [year, number] = today().split("-").map(Number);
  return Array.from({ length: count }, (unused, index) => {
    const date = new Date(Date.UTC(year, number - 1 - index, 1));
    return date.toISOString().slice(0, 7);
  });
}
/** The months a range touches, "yyyy-MM". */
function monthsOf(range) {
  const months = [];
  for (let month = range.from.slice(0, 7); month <= range.to.slice(0, 7);) {
    months.push(month);
    const [year, number] = month.split("-").map(Number);
    month = number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, "0")}`;
  }
  return months;
}
function daysOf(range) {
  const days = [];
  for (let day = new Date(range.from + "T00:00:00Z"); day.toISOString().slice(0, 10) <= range.to; day.setUTCDate(day.getUTCDate() + 1)) {
    days.push(day.toISOString().slice(0, 10));
  }
  return days;
}
function instantText(instant) {
  return new Intl.DateTimeFormat(language === "zh" ? "zh-CN" : "en-GB", { timeZone: TIME_ZONE, dateStyle: "medium", timeStyle: "short" })
    .format(new Date(instant)) + (language === "zh" ? "（北京时间）" : " (China Standard Time)");
}
function monthLabel(month) {
  const [year, number] = month.split("-");
  return language === "zh" ? `${year}年${Number(number)}月` : new Date(Date.UTC(year, number - 1, 1)).toLocaleString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
}

// ---- Numbers ----
function days(seconds) { return seconds == null ? null : Math.round(seconds / 8640) / 10; }
function minutes(seconds) { return seconds == null ? null : Math.round(seconds / 6) / 10; }
function hours(seconds) { return seconds == null ? null : Math.round(seconds / 360) / 10; }
function duration(seconds) {
  if (seconds == null) return "—";
  if (seconds < 90) return `${Math.round(seconds)} ${t("seconds")}`;
  if (seconds < 5400) return `${minutes(seconds)} ${t("minutes")}`;
  if (seconds < 172800) return `${hours(seconds)} ${t("hours")}`;
  return `${Math.round(seconds / 8640) / 10} ${t("days")}`;
}
function percent(rate) { return rate == null ? "—" : (Math.round(rate * 1000) / 10).toFixed(1) + " %"; }
function sum(rows, column) { return rows.reduce((total, row) => total + (row[column] || 0), 0); }

// ---- The caller and the API ----
async function bearerToken() {
  const stored = sessionStorage.getItem(TOKEN_KEY);
  if (stored) return stored;
  const demo = await fetch("/local/demo-users").catch(() => null);
  if (demo && demo.ok) {
    const leader = (await demo.json()).find(user => user.role === "COUNTY_LEADER");
    if (leader) {
      document.getElementById("identity").dataset.demo = leader.description;
      return leader.token;
    }
  }
  document.getElementById("sign-in").hidden = false;
  return null;
}
const tokenPromise = bearerToken();

async function getJson(url) {
  const token = await tokenPromise;
  const headers = { Accept: "application/json" };
  if (token) headers.Authorization = "Bearer " + token;
  const response = await fetch(url, { headers });
  if (response.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    document.getElementById("sign-in").hidden = false;
    throw new Error(t("signInFirst"));
  }
  if (!response.ok) throw new Error("HTTP " + response.status);
  return response.json();
}

// ---- The organisation tree ----
function organisation(id) { return state.organisations.get(id); }
function nameOf(id) {
  if (id == null) return "—";
  const known = organisation(id);
  if (known) return known.name;
  return TEXT[language].categories[id] || id;
}
function childrenOf(id) {
  return [...state.organisations.values()].filter(candidate => candidate.parentId === id
    && ["TOWN", "COMMUNITY", "GRID"].includes(candidate.kind));
}
function ancestry(id) {
  const path = [];
  for (let node = organisation(id); node; node = node.parentId ? organisation(node.parentId) : null) {
    path.unshift(node);
    if (node.id === state.rootId) break;
  }
  return path;
}
function within(id, ancestorId) {
  for (let node = organisation(id); node; node = node.parentId ? organisation(node.parentId) : null) {
    if (node.id === ancestorId) return true;
  }
  return false;
}
function scope() { return organisation(state.scopeId) || { id: state.scopeId, kind: "COUNTY", name: state.scopeId }; }
function childDimension() { return CHILD_DIMENSION[scope().kind] || "town"; }
/** The rows of the child level that lie in the scope, in the tree's order; a grid's or a department's scope is itself. */
function scopedUnits() {
  const current = scope();
  return ["GRID", "DEPARTMENT"].includes(current.kind) ? [current] : childrenOf(current.id);
}
/**
 * Whether a panel has anything to say where the page looks: county-wide panels only for the county; a department
 * officer sees the department's own handling (the panels marked departments), not places, members or resources.
 */
function shown(panel) {
  const kind = scope().kind;
  if (kind === "DEPARTMENT") return Boolean(panel.departments);
  return !panel.countyOnly || kind === "COUNTY";
}

// ---- Metrics: one request per panel, named by the organisation looked at (scope) for the server to filter by ----
async function metric(metricName, dimension, period, range) {
  const query = new URLSearchParams({ metric: metricName, dimension, period, from: range.from, to: range.to, scope: state.scopeId });
  const url = "/v1/dashboards/metrics?" + query;
  if (!results.has(url)) results.set(url, getJson(url));
  return results.get(url);
}

// ---- Panels: a metric, a chart and a table. Adding one is adding an entry here. ----
function unitRows(rows, valueColumns) {
  const byValue = new Map(rows.map(row => [row.dimensionValue, row]));
  return scopedUnits().map(unit => {
    const row = byValue.get(unit.id) || {};
    return Object.fromEntries([["id", unit.id], ["name", unit.name], ["label", shortName(unit)],
      ...valueColumns.map(column => [column, row[column] ?? null])]);
  });
}
/** On an axis, a grid of 河滨社区 is 第一网格: the breadcrumb already says where. */
function shortName(unit) {
  const parent = unit.parentId ? organisation(unit.parentId) : null;
  return parent && unit.name.startsWith(parent.name) && unit.name.length > parent.name.length ? unit.name.slice(parent.name.length) : unit.name;
}

function rankedBars(units, value, format, colour, unit) {
  const ranked = units.filter(row => row[value] != null).sort((first, second) => second[value] - first[value]);
  return {
    figures: { labels: ranked.map(row => row.name), values: ranked.map(row => row[value]), ids: ranked.map(row => row.id) },
    option: {
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: format },
      xAxis: { type: "value", name: unit, nameLocation: "end" },
      yAxis: { type: "category", inverse: true, data: ranked.map(row => row.label ?? row.name), axisLabel: { fontSize: 13 } },
      series: [{ type: "bar", data: ranked.map(row => row[value]), itemStyle: { color: colour },
        label: { show: true, position: "right", formatter: params => format(params.value) } }]
    }
  };
}

const PANELS = [
  {
    id: "trend", wide: true, metric: "tickets_reported", period: "day",
    dimension: () => categoryFiltered() ? "category" : childDimension(),
    render(rows, range) {
      const kept = categoryFiltered() ? rows.filter(row => row.dimensionValue === state.category) : inScope(rows);
      const days = daysOf(range);
      const daily = days.map(day => {
        const ofDay = kept.filter(row => row.periodStart === day);
        return { date: day, reported: sum(ofDay, "reportedTickets"), reopened: sum(ofDay, "reopenedTickets"),
          escalated: sum(ofDay, "escalatedTickets"), returned: sum(ofDay, "returnedTickets") };
      });
      const series = ["reported", "reopened", "escalated", "returned"];
      return {
        figures: { labels: days, values: daily.map(day => day.reported) },
        option: {
          grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
          legend: { top: 0 }, tooltip: { trigger: "axis" },
          xAxis: { type: "category", data: days.map(day => day.slice(5)) },
          yAxis: { type: "value", name: t("tickets"), minInterval: 1 },
          series: series.map((name, index) => ({ name: t(name), type: index === 0 ? "bar" : "line", data: daily.map(day => day[name]),
            itemStyle: { color: [COLOURS.primary, COLOURS.bad, COLOURS.warn, "#7b61ff"][index] } }))
        },
        table: { columns: ["date", ...series], labels: [t("date"), ...series.map(t)], rows: daily }
      };
    }
  },
  {
    id: "dispatch", metric: "dispatch_modes", period: "month", departments: true,
    render(rows) {
      const units = unitRows(inScope(rows), ["dispatchedTickets", "autoRoutedTickets", "handDispatchedTickets", "handMedianSeconds", "handP90Seconds"]);
      return {
        figures: { labels: units.map(row => row.name), ids: units.map(row => row.id), values: units.map(row => row.autoRoutedTickets ?? 0),
          hand: units.map(row => row.handDispatchedTickets ?? 0), handMedianSeconds: units.map(row => row.handMedianSeconds) },
        option: {
          grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
          legend: { top: 0 }, tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
          xAxis: { type: "category", data: units.map(row => row.label), axisLabel: { interval: 0, rotate: units.length > 6 ? 30 : 0 } },
          yAxis: [{ type: "value", name: t("tickets"), minInterval: 1 }, { type: "value", name: t("minutes"), splitLine: { show: false } }],
          series: [
            { name: t("autoRouted"), type: "bar", stack: "dispatch", data: units.map(row => row.autoRoutedTickets ?? 0), itemStyle: { color: COLOURS.auto } },
            { name: t("handDispatched"), type: "bar", stack: "dispatch", data: units.map(row => row.handDispatchedTickets ?? 0), itemStyle: { color: COLOURS.hand } },
            { name: t("handMedian"), type: "line", yAxisIndex: 1, data: units.map(row => minutes(row.handMedianSeconds)), itemStyle: { color: COLOURS.warn } }
          ]
        },
        table: { columns: ["name", "autoRoutedTickets", "handDispatchedTickets", "handMedianSeconds", "handP90Seconds"],
          labels: [t("levels")[childDimension()], t("autoRouted"), t("handDispatched"), t("handMedian"), t("handP90")],
          rows: units, formats: { handMedianSeconds: duration, handP90Seconds: duration } }
      };
    }
  },
  durationPanel("accept", "time_to_accept", "medianAccept", minutes, "minutes", COLOURS.primary),
  {
    id: "departments", metric: "time_to_accept", period: "month", dimension: () => "department", countyOnly: true,
    render(rows) {
      const units = rows.map(row => ({ id: row.dimensionValue, name: nameOf(row.dimensionValue), tickets: row.tickets,
        medianSeconds: row.medianSeconds, p90Seconds: row.p90Seconds, medianMinutes: minutes(row.medianSeconds) }));
      const chart = rankedBars(units, "medianMinutes", value => value + " " + t("minutes"), COLOURS.primary, t("minutes"));
      return { ...chart, table: { columns: ["name", "tickets", "medianSeconds", "p90Seconds"],
        labels: [t("levels").department, t("tickets"), t("medianAccept"), t("p90")], rows: units, formats: { medianSeconds: duration, p90Seconds: duration } } };
    }
  },
  durationPanel("resolve", "time_to_resolve", "medianResolve", hours, "hours", COLOURS.primary),
  {
    id: "onTime", metric: "on_time_rate", period: "month", departments: true,
    render(rows) {
      const units = unitRows(inScope(rows), ["resolvedTickets", "onTimeTickets", "onTimeRate"]);
      const chart = rankedBars(units.map(row => ({ ...row, percent: row.onTimeRate == null ? null : Math.round(row.onTimeRate * 1000) / 10 })),
        "percent", value => value + " %", COLOURS.good, "%");
      chart.option.xAxis.max = 100;
      return { ...chart, table: { columns: ["name", "resolvedTickets", "onTimeTickets", "onTimeRate"],
        labels: [t("levels")[childDimension()], t("resolvedTickets"), t("onTimeTickets"), t("onTimeRate")], rows: units, formats: { onTimeRate: percent } } };
    }
  },
  {
    id: "ratings", metric: "ratings", period: "month", departments: true,
    render(rows) {
      const stars = [1, 2, 3, 4, 5];
      const units = unitRows(inScope(rows), ["ratedTickets", "meanRating", ...stars.map(star => "rating" + star)]);
      return {
        figures: { labels: units.map(row => row.name), ids: units.map(row => row.id), values: units.map(row => row.meanRating) },
        option: {
          grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
          legend: { top: 0 }, tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
          xAxis: { type: "category", data: units.map(row => row.label), axisLabel: { interval: 0, rotate: units.length > 6 ? 30 : 0 } },
          yAxis: { type: "value", name: t("tickets"), minInterval: 1 },
          series: stars.map(star => ({ name: star + " " + t("stars"), type: "bar", stack: "ratings",
            data: units.map(row => row["rating" + star] ?? 0), itemStyle: { color: COLOURS.ratings[star - 1] } }))
        },
        table: { columns: ["name", "ratedTickets", "meanRating", ...stars.map(star => "rating" + star)],
          labels: [t("levels")[childDimension()], t("ratedTickets"), t("meanRating"), ...stars.map(star => star + " " + t("stars"))],
          rows: units, formats: { meanRating: value => value == null ? "—" : value.toFixed(2) } }
      };
    }
  },
  {
    id: "backlog", metric: "overdue_backlog", period: "month", departments: true,
    render(rows) {
      const units = unitRows(inScope(rows), ["openTickets", "overdueTickets"]);
      return {
        figures: { labels: units.map(row => row.name), ids: units.map(row => row.id), values: units.map(row => row.overdueTickets ?? 0),
          open: units.map(row => row.openTickets ?? 0) },
        option: {
          grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
          legend: { top: 0 }, tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
          xAxis: { type: "category", data: units.map(row => row.label), axisLabel: { interval: 0, rotate: units.length > 6 ? 30 : 0 } },
          yAxis: { type: "value", name: t("tickets"), minInterval: 1 },
          series: [
            { name: t("openTickets"), type: "bar", data: units.map(row => row.openTickets ?? 0), itemStyle: { color: COLOURS.auto } },
            { name: t("overdueTickets"), type: "bar", data: units.map(row => row.overdueTickets ?? 0), itemStyle: { color: COLOURS.bad } }
          ]
        },
        table: { columns: ["name", "openTickets", "overdueTickets"], labels: [t("levels")[childDimension()], t("openTickets"), t("overdueTickets")], rows: units }
      };
    }
  },
  {
    // The server groups by category only for the whole county (the files count categories county-wide).
    id: "categories", countyOnly: true, metric: "tickets_reported", period: "month", dimension: () => "category",
    render(rows) {
      const units = rows.map(row => ({ id: row.dimensionValue, name: nameOf(row.dimensionValue), reportedTickets: row.reportedTickets }));
      const chart = rankedBars(units, "reportedTickets", value => String(value), COLOURS.primary, t("tickets"));
      return { ...chart, table: { columns: ["name", "reportedTickets"], labels: [t("category"), t("reported")], rows: units.sort((a, b) => b.reportedTickets - a.reportedTickets) } };
    }
  },
  {
    id: "misses", wide: true, metric: "sla_misses", period: "month", dimension: () => "town", departments: true,
    render(rows) {
      const current = scope();
      const kept = rows.filter(row => current.kind === "COUNTY" ? true
        : current.kind === "TOWN" ? row.dimensionValue === current.id : within(row.responsibleOrgId, current.id));
      const byOrganisation = new Map();
      kept.forEach(row => {
        const entry = byOrganisation.get(row.responsibleOrgId) || { id: row.responsibleOrgId, name: nameOf(row.responsibleOrgId),
          kind: t("kinds")[row.responsibleOrgKind] || row.responsibleOrgKind, misses: 0, dispatchMisses: 0, acceptanceMisses: 0, resolutionMisses: 0, missedTickets: 0 };
        ["misses", "dispatchMisses", "acceptanceMisses", "resolutionMisses", "missedTickets"].forEach(column => entry[column] += row[column]);
        byOrganisation.set(row.responsibleOrgId, entry);
      });
      const ranked = [...byOrganisation.values()].sort((first, second) => second.misses - first.misses || first.name.localeCompare(second.name));
      const shown = ranked.slice(0, 15);
      return {
        figures: { labels: ranked.map(row => row.name), values: ranked.map(row => row.misses) },
        option: {
          grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
          legend: { top: 0 }, tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
          xAxis: { type: "value", minInterval: 1 },
          yAxis: { type: "category", inverse: true, data: shown.map(row => row.name + " · " + row.kind) },
          series: [["dispatchMisses", COLOURS.warn], ["acceptanceMisses", COLOURS.primary], ["resolutionMisses", COLOURS.bad]].map(([column, colour]) => ({
            name: t(column), type: "bar", stack: "misses", data: shown.map(row => row[column]), itemStyle: { color: colour } }))
        },
        table: { columns: ["name", "kind", "misses", "dispatchMisses", "acceptanceMisses", "resolutionMisses", "missedTickets"],
          labels: [t("responsible"), t("kind"), t("misses"), t("dispatchMisses"), t("acceptanceMisses"), t("resolutionMisses"), t("missedTickets")], rows: ranked }
      };
    }
  },
  {
    id: "map", wide: true, metric: "tickets_reported", period: "month", dimension: () => "grid",
    render(rows) {
      const reported = new Map();
      rows.forEach(row => reported.set(row.dimensionValue, (reported.get(row.dimensionValue) || 0) + row.reportedTickets));
      const current = scope();
      const grids = [...state.organisations.values()].filter(node => node.kind === "GRID" && node.latitude != null
        && (current.kind === "COUNTY" || within(node.id, current.id)));
      const communities = [...new Set(grids.map(grid => grid.communityId))];
      const largest = Math.max(1, ...grids.map(grid => reported.get(grid.id) || 0));
      const outlines = communities.map(community => {
        const hull = convexHull(grids.filter(grid => grid.communityId === community).map(grid => [grid.longitude, grid.latitude]));
        return { name: nameOf(community), type: "line", data: hull.length ? [...hull, hull[0]] : [], symbol: "none", silent: true,
          lineStyle: { color: "#9aa5b1", type: "dashed", width: 1 }, tooltip: { show: false } };
      });
      // The areas one level down, named at the centre of their grids, so that the points read as places.
      const areaOf = { COUNTY: grid => grid.townId, TOWN: grid => grid.communityId }[current.kind];
      const areas = areaOf ? [...new Set(grids.map(areaOf))].map(area => {
        const members = grids.filter(grid => areaOf(grid) === area);
        return { name: nameOf(area), value: [members.reduce((total, grid) => total + grid.longitude, 0) / members.length,
          members.reduce((total, grid) => total + grid.latitude, 0) / members.length] };
      }) : [];
      outlines.push({ type: "scatter", data: areas, symbolSize: 0, silent: true, tooltip: { show: false },
        label: { show: true, formatter: params => params.data.name, position: "top", distance: 18, fontSize: 14, fontWeight: "bold", color: "#1f2933" } });
      const tableRows = grids.map(grid => ({ id: grid.id, name: grid.name, community: nameOf(grid.communityId),
        reportedTickets: reported.get(grid.id) || 0, latitude: grid.latitude, longitude: grid.longitude }))
        .sort((first, second) => second.reportedTickets - first.reportedTickets);
      return {
        figures: { labels: tableRows.map(row => row.name), values: tableRows.map(row => row.reportedTickets), ids: tableRows.map(row => row.id) },
        option: {
          grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
          tooltip: { trigger: "item", formatter: params => params.data && params.data.name ? `${params.data.name}<br>${params.data.value[2]} ${t("tickets")}` : "" },
          xAxis: { type: "value", scale: true, axisLabel: { formatter: value => value.toFixed(3) + "°E" }, splitLine: { show: false } },
          yAxis: { type: "value", scale: true, axisLabel: { formatter: value => value.toFixed(3) + "°N" }, splitLine: { show: false } },
          series: [...outlines, { type: "scatter", data: grids.map(grid => ({ id: grid.id, name: grid.name,
            value: [grid.longitude, grid.latitude, reported.get(grid.id) || 0] })),
            symbolSize: value => 6 + 20 * Math.sqrt(value[2] / largest),
            itemStyle: { color: COLOURS.bad, opacity: .75 },
            label: { show: grids.length <= 8, formatter: params => params.data.name, position: "right", fontSize: 11 } }]
        },
        table: { columns: ["name", "community", "reportedTickets", "latitude", "longitude"],
          labels: [t("levels").grid, t("levels").community, t("reported"), "latitude", "longitude"], rows: tableRows }
      };
    }
  }
];

// ---- The assessment (assessment.sql) and the resources moved down (party, fund and resource files) ----
/** The rates of the assessment, each with the counts it divides. */
const RATES = [["responseRate", "acceptedInTime", "responseJudged"], ["resolutionRate", "resolvedTickets", "dueTickets"],
  ["satisfactionRate", "satisfied", "ratedTickets"], ["onTimeClosureRate", "onTimeClosures", "dueTickets"],
  ["returnRate", "returnedTickets", "receivedTickets"], ["redoRate", "reopenedResolutions", "resolutions"]];
const LIST_COLOURS = { red: "#b42318", black: "#1f2933", ranked: "#2f6fb3", unranked: "#cbd2d9" };

/** The rules the server used, read from the formula it returns beside every row (data, not written into the page). */
function assessmentRules(formula) {
  const match = /100 × \(([\d.]+) × response rate \+ ([\d.]+) × resolution rate \+ ([\d.]+) × satisfaction rate\); satisfied = rating 5 \+ ([\d.]+) × rating 4; ranked from (\d+) received tickets; red list: top (\d+) .* outcomes up to (\d+) days/
    .exec(formula || "");
  return match ? { response: match[1], resolution: match[2], satisfaction: match[3], basically: match[4], minimum: Number(match[5]),
    list: match[6], freeze: match[7] } : null;
}
function count(value) { return value == null ? "—" : Number.isInteger(value) ? String(value) : value.toFixed(1); }
/** A rate with what it divides and its 95% interval: "85.0 % · 34/40 · 71.0–92.9 %". */
function rateWithCount(rate, row, [column, numerator, denominator]) {
  if (rate == null) return row[denominator] ? "—" : `— · 0/0`;
  const bound = value => (Math.round(value * 1000) / 10).toFixed(1);
  return `${percent(rate)} · ${count(row[numerator])}/${count(row[denominator])} · ${bound(row[column + "Low"])}–${bound(row[column + "High"])} %`;
}

function assessmentPanel(id, dimension, countyOnly) {
  return {
    id, section: "assessment", wide: true, metric: "assessment", period: "month", dimension, countyOnly, departments: !countyOnly,
    render(rows) {
      const departments = dimension && dimension() === "department";
      const byValue = new Map(rows.map(row => [row.dimensionValue, row]));
      const units = (departments ? rows.map(row => ({ id: row.dimensionValue, name: nameOf(row.dimensionValue), parentId: null }))
        : scopedUnits()).map(unit => ({ ...(byValue.get(unit.id) || {}), id: unit.id, name: unit.name, label: departments ? unit.name : shortName(unit) }));
      const rules = assessmentRules(rows.length ? rows[0].formula : null);
      const ranked = units.filter(row => row.ranked).sort((first, second) => first.rankInKind - second.rankInKind || first.name.localeCompare(second.name));
      const unranked = units.filter(row => !row.ranked);
      const shown = [...ranked, ...unranked.filter(row => row.score != null)];
      const colour = row => !row.ranked ? LIST_COLOURS.unranked : LIST_COLOURS[row.listed] || LIST_COLOURS.ranked;
      const score = row => row.score == null ? null : Math.round(row.score * 10) / 10;
      const listText = row => row.listed === "red" ? t("redList") : row.listed === "black" ? t("blackList")
        : row.ranked ? "" : rules && (row.receivedTickets || 0) < rules.minimum ? t("belowMinimum") : t("notRanked");
      const named = list => list.length ? list.map(row => row.name).join("、") : t("none");
      const red = ranked.filter(row => row.listed === "red");
      const black = ranked.filter(row => row.listed === "black");
      const notes = [element("div", { class: "lists" },
        element("span", { class: "red", "data-list": "red" }, element("b", {}, t("redList") + "："), named(red)),
        element("span", { class: "black", "data-list": "black" }, element("b", {}, t("blackList") + "："), named(black)),
        element("span", { "data-list": "unranked" }, element("b", {}, t("notRanked") + "："), named(unranked))),
        element("p", { class: "rule", "data-rule": "" }, rules ? t("rule")(rules) : rows.length ? rows[0].formula : "")];
      if (!departments && scope().kind === "COUNTY") notes.push(element("p", { class: "measures" }, t("blackListTogether")));
      const tableRows = [...ranked, ...unranked].map(row => ({ ...row, rank: row.rankInKind ?? null, scoreValue: score(row), list: listText(row) }));
      const rateFormats = Object.fromEntries(RATES.map(rate => [rate[0], (value, row) => rateWithCount(value, row, rate)]));
      return {
        notes,
        figures: { labels: shown.map(row => row.name), ids: shown.map(row => row.id), values: shown.map(score),
          ranks: shown.map(row => row.rankInKind ?? null), red: red.map(row => row.name), black: black.map(row => row.name),
          unranked: unranked.map(row => row.name), minimumTickets: rules ? rules.minimum : null },
        option: {
          grid: { left: 8, right: 72, top: 8, bottom: 8, containLabel: true },
          tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
          xAxis: { type: "value", name: t("score"), max: 100 },
          yAxis: { type: "category", inverse: true, axisLabel: { fontSize: 13 },
            data: shown.map(row => row.ranked ? `${row.rankInKind}. ${row.label}` : `${row.label}（${listText(row)}）`) },
          series: [{ type: "bar", name: t("score"), data: shown.map(row => ({ value: score(row), itemStyle: { color: colour(row) } })),
            label: { show: true, position: "right", formatter: params => params.value.toFixed(1) } }]
        },
        table: {
          columns: ["name", "rank", "scoreValue", "list", "receivedTickets", ...RATES.map(rate => rate[0])],
          labels: [t("levels")[departments ? "department" : childDimension()], t("rank"), t("score"), t("listed"), t("receivedTickets"),
            ...RATES.map(rate => t(rate[0]))],
          rows: tableRows, formats: { ...rateFormats, scoreValue: value => value == null ? "—" : value.toFixed(1) },
          // The file's own values: each rate with its numerator, denominator and interval in columns of their own.
          csv: {
            columns: ["name", "rank", "score", "list", "receivedTickets", ...RATES.flatMap(([column, numerator, denominator]) =>
              [column, numerator, denominator, column + "Low", column + "High"]), "frozen"],
            labels: [t("levels")[departments ? "department" : childDimension()], t("rank"), t("score"), t("listed"), t("receivedTickets"),
              ...RATES.flatMap(([column]) => [t(column), `${t(column)} ${t("numerator")}`, `${t(column)} ${t("denominator")}`,
                `${t(column)} ${t("lower")}`, `${t(column)} ${t("upper")}`]), t("frozen")]
          }
        }
      };
    }
  };
}

function yearToDate(range) { return { from: range.from.slice(0, 4) + "-01-01", to: range.to }; }
function money(value) {
  return value == null ? "—" : "¥" + value.toLocaleString(language === "zh" ? "zh-CN" : "en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
/** Yuan on a chart's axis: 万元 in Chinese, thousands in English. */
function moneyOnAxis(yuan) { return yuan == null ? null : Math.round(yuan / (language === "zh" ? 100 : 10)) / 100; }
function percentOnAxis(rate) { return rate == null ? null : Math.round(rate * 1000) / 10; }

/** A year-to-date answer (one row per month) added up per dimension value: amounts and counts add up over months. */
function totals(rows, columns, keep = () => true) {
  const byValue = new Map();
  rows.filter(keep).forEach(row => {
    const total = byValue.get(row.dimensionValue) || Object.fromEntries(columns.map(column => [column, 0]));
    columns.forEach(column => total[column] += row[column] || 0);
    byValue.set(row.dimensionValue, total);
  });
  return byValue;
}
/** The child level's units (or the named values, for sources and departments) with their totals, zero where none. */
function unitTotals(byValue, columns, named) {
  const units = named ? [...byValue.keys()].map(id => ({ id, name: named(id) })) : scopedUnits();
  const zero = Object.fromEntries(columns.map(column => [column, 0]));
  return units.map(unit => ({ id: unit.id, name: unit.name, label: named ? unit.name : shortName(unit), ...zero, ...(byValue.get(unit.id) || {}) }));
}

/** Bars per unit side by side (or stacked), and a line on a second axis when given. */
function unitBars(units, series, axisName, line, stack) {
  return {
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0 }, tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: { type: "category", data: units.map(row => row.label),
      axisLabel: { interval: 0, rotate: units.length > 6 || units.length * Math.max(...units.map(row => row.label.length)) > 30 ? 30 : 0 } },
    // Axis names start at the axis, not centred on it: the grid's margin is only the labels' width.
    yAxis: [{ type: "value", name: axisName, nameTextStyle: { align: "left" } },
      ...(line ? [{ type: "value", name: "%", max: 100, splitLine: { show: false } }] : [])],
    series: [...series.map(([name, values, colour]) => ({ name, type: "bar", stack, data: values, itemStyle: { color: colour } })),
      ...(line ? [{ name: line[0], type: "line", yAxisIndex: 1, data: line[1], itemStyle: { color: COLOURS.warn } }] : [])]
  };
}

const FUND_COLUMNS = ["allocatedFen", "approvedFen", "paidFen", "reversedFen", "claimsPaid", "tasksFunded"];
function fundPanel(id, dimension, named, countyOnly, departments) {
  return {
    id, section: "resources", metric: "fund_flows", period: "month", range: yearToDate, dimension, countyOnly, departments,
    render(rows) {
      const kept = named ? rows : inScope(rows);
      const units = unitTotals(totals(kept, FUND_COLUMNS), FUND_COLUMNS, named).map(row => ({ ...row,
        allocated: row.allocatedFen / 100, approved: row.approvedFen / 100, paid: row.paidFen / 100, reversed: row.reversedFen / 100,
        utilisation: row.allocatedFen > 0 ? (row.paidFen - row.reversedFen) / row.allocatedFen : null }));
      const first = id === "delegatedTasks" ? [["tasksFunded", t("tasksFunded")]] : [];
      const nameLabel = id === "fundSources" ? t("fundKind") : id === "delegatedTasks" ? t("levels").department : t("levels")[childDimension()];
      const inYuan = label => `${label}（${t("yuan")}）`;
      return {
        figures: { labels: units.map(row => row.name), ids: units.map(row => row.id), values: units.map(row => row.allocated),
          approved: units.map(row => row.approved), paid: units.map(row => row.paid), reversed: units.map(row => row.reversed),
          utilisation: units.map(row => row.utilisation), tasksFunded: units.map(row => row.tasksFunded) },
        option: unitBars(units, [[t("allocated"), units.map(row => moneyOnAxis(row.allocated)), COLOURS.auto],
          [t("approved"), units.map(row => moneyOnAxis(row.approved)), COLOURS.primary], [t("paid"), units.map(row => moneyOnAxis(row.paid)), COLOURS.good]],
          t("moneyUnit"), [t("utilisation"), units.map(row => percentOnAxis(row.utilisation))]),
        table: { columns: ["name", ...first.map(pair => pair[0]), "allocated", "approved", "paid", "reversed", "utilisation", "claimsPaid"],
          labels: [nameLabel, ...first.map(pair => pair[1]), inYuan(t("allocated")), inYuan(t("approved")), inYuan(t("paid")), inYuan(t("reversed")),
            t("utilisation"), t("claimsPaid")],
          rows: units, formats: { allocated: money, approved: money, paid: money, reversed: money, utilisation: percent } }
      };
    }
  };
}

const RESOURCE_PANELS = [
  assessmentPanel("assessment"),
  assessmentPanel("assessmentDepartments", () => "department", true),
  fundPanel("funds"),
  fundPanel("fundSources", () => "category", code => t("fundKinds")[code] || code, true),
  fundPanel("delegatedTasks", () => "department", nameOf, true, true),
  {
    id: "partyMembers", section: "resources", metric: "party_members", period: "month",
    render(rows) {
      // One row per unit: its state at the month's end (or now).
      const units = unitRows(inScope(rows), ["membersReportedIn", "sunkStaffReportedIn", "unitsReportedIn", "membersReportInCompliant",
        "reportInCompliance", "membersMeetingTarget"]);
      const value = column => units.map(row => row[column] ?? 0);
      return {
        figures: { labels: units.map(row => row.name), ids: units.map(row => row.id), values: value("membersReportedIn"),
          sunkStaff: value("sunkStaffReportedIn"), units: value("unitsReportedIn"), compliance: units.map(row => row.reportInCompliance) },
        option: unitBars(units, [[t("membersReportedIn"), value("membersReportedIn"), COLOURS.bad],
          [t("sunkStaffReportedIn"), value("sunkStaffReportedIn"), COLOURS.primary], [t("unitsReportedIn"), value("unitsReportedIn"), COLOURS.auto]],
          t("people"), [t("compliance"), units.map(row => percentOnAxis(row.reportInCompliance))]),
        table: { columns: ["name", "membersReportedIn", "sunkStaffReportedIn", "unitsReportedIn", "membersReportInCompliant", "reportInCompliance", "membersMeetingTarget"],
          labels: [t("levels")[childDimension()], t("membersReportedIn"), t("sunkStaffReportedIn"), t("unitsReportedIn"), t("membersCompliant"),
            t("compliance"), t("membersMeetingTarget")], rows: units, formats: { reportInCompliance: percent } }
      };
    }
  },
  {
    id: "partyService", section: "resources", metric: "party_service", period: "month",
    render(rows) {
      const columns = ["checkIns", "activeMembers", "activeSunkStaff", "autoClosedCheckOuts", "memberCountedHours", "sunkStaffCountedHours"];
      const units = unitTotals(totals(inScope(rows), columns), columns);
      const hoursOf = value => Math.round(value * 10) / 10;
      return {
        figures: { labels: units.map(row => row.name), ids: units.map(row => row.id), values: units.map(row => hoursOf(row.memberCountedHours)),
          sunkStaff: units.map(row => hoursOf(row.sunkStaffCountedHours)), checkIns: units.map(row => row.checkIns) },
        option: unitBars(units, [[t("memberHours"), units.map(row => hoursOf(row.memberCountedHours)), COLOURS.bad],
          [t("sunkStaffHours"), units.map(row => hoursOf(row.sunkStaffCountedHours)), COLOURS.primary]], t("hours"), null, "hours"),
        table: { columns: ["name", "checkIns", "activeMembers", "activeSunkStaff", "memberCountedHours", "sunkStaffCountedHours", "autoClosedCheckOuts"],
          labels: [t("levels")[childDimension()], t("checkIns"), t("activeMembers"), t("activeSunkStaff"), `${t("memberHours")}（${t("hours")}）`,
            `${t("sunkStaffHours")}（${t("hours")}）`, t("autoClosed")],
          rows: units, formats: { memberCountedHours: value => hoursOf(value).toFixed(1), sunkStaffCountedHours: value => hoursOf(value).toFixed(1) } }
      };
    }
  },
  {
    id: "resources", section: "resources", metric: "resource_flows", period: "month", range: yearToDate,
    render(rows) {
      const columns = ["published", "claimed", "fulfilled", "claimedValueFen", "fulfilledValueFen"];
      const offers = totals(inScope(rows), columns, row => row.itemType === "OFFER");
      const demands = totals(inScope(rows), columns, row => row.itemType === "DEMAND");
      const units = unitTotals(new Map(), []).map(unit => {
        const offer = offers.get(unit.id) || {};
        const demand = demands.get(unit.id) || {};
        return { ...unit, offersPublished: offer.published || 0, offersClaimed: offer.claimed || 0, offersFulfilled: offer.fulfilled || 0,
          demandsPublished: demand.published || 0, demandsClaimed: demand.claimed || 0, demandsFulfilled: demand.fulfilled || 0,
          projectsCompleted: (offer.fulfilled || 0) + (demand.fulfilled || 0),
          claimedValue: ((offer.claimedValueFen || 0) + (demand.claimedValueFen || 0)) / 100,
          fulfilledValue: ((offer.fulfilledValueFen || 0) + (demand.fulfilledValueFen || 0)) / 100 };
      });
      const value = column => units.map(row => row[column]);
      return {
        figures: { labels: units.map(row => row.name), ids: units.map(row => row.id), values: value("projectsCompleted"),
          offersClaimed: value("offersClaimed"), offersFulfilled: value("offersFulfilled"), demandsClaimed: value("demandsClaimed"),
          demandsFulfilled: value("demandsFulfilled") },
        option: unitBars(units, [[t("offersClaimed"), value("offersClaimed"), COLOURS.auto], [t("offersFulfilled"), value("offersFulfilled"), COLOURS.primary],
          [t("demandsClaimed"), value("demandsClaimed"), "#f2cc8f"], [t("demandsFulfilled"), value("demandsFulfilled"), COLOURS.warn]], t("items")),
        table: { columns: ["name", "offersPublished", "offersClaimed", "offersFulfilled", "demandsPublished", "demandsClaimed", "demandsFulfilled",
          "projectsCompleted", "claimedValue", "fulfilledValue"],
          labels: [t("levels")[childDimension()], t("offersPublished"), t("offersClaimed"), t("offersFulfilled"), t("demandsPublished"), t("demandsClaimed"),
            t("demandsFulfilled"), t("projectsCompleted"), `${t("claimedValue")}（${t("yuan")}）`, `${t("fulfilledValue")}（${t("yuan")}）`],
          rows: units, formats: { claimedValue: money, fulfilledValue: money } }
      };
    }
  },
  resourceDurationPanel("claimTimes", "time_to_claim", COLOURS.primary),
  resourceDurationPanel("completionTimes", "time_to_complete", COLOURS.good),
  {
    id: "demandsMet", section: "resources", metric: "demands_met", period: "month", range: yearToDate,
    render(rows) {
      const columns = ["demands", "smallWishes", "met"];
      const units = unitTotals(totals(inScope(rows), columns), columns)
        .map(row => ({ ...row, shareMet: row.demands ? row.met / row.demands : null }));
      const value = column => units.map(row => row[column]);
      return {
        figures: { labels: units.map(row => row.name), ids: units.map(row => row.id), values: value("met"), demands: value("demands"),
          smallWishes: value("smallWishes"), shareMet: value("shareMet") },
        option: unitBars(units, [[t("demandsPublished"), value("demands"), "#f2cc8f"], [t("demandsMet"), value("met"), COLOURS.good]],
          t("items"), [t("shareMet"), units.map(row => percentOnAxis(row.shareMet))]),
        table: { columns: ["name", "demands", "smallWishes", "met", "shareMet"],
          labels: [t("levels")[childDimension()], t("demandsPublished"), t("smallWishes"), t("demandsMet"), t("shareMet")],
          rows: units, formats: { shareMet: percent } }
      };
    }
  },
  {
    id: "projectRatings", section: "resources", metric: "project_ratings", period: "month", range: yearToDate,
    render(rows) {
      const stars = [1, 2, 3, 4, 5];
      const columns = ["ratings", ...stars.map(star => "rating" + star)];
      const units = unitTotals(totals(inScope(rows), columns), columns).map(row => ({ ...row,
        meanRating: row.ratings ? stars.reduce((total, star) => total + star * row["rating" + star], 0) / row.ratings : null }));
      return {
        figures: { labels: units.map(row => row.name), ids: units.map(row => row.id), values: units.map(row => row.ratings),
          meanRating: units.map(row => row.meanRating == null ? null : Math.round(row.meanRating * 100) / 100) },
        option: unitBars(units, stars.map(star => [star + " " + t("stars"), units.map(row => row["rating" + star]), COLOURS.ratings[star - 1]]),
          t("projectRatings"), null, "ratings"),
        table: { columns: ["name", "ratings", "meanRating", ...stars.map(star => "rating" + star)],
          labels: [t("levels")[childDimension()], t("projectRatings"), t("meanProjectRating"), ...stars.map(star => star + " " + t("stars"))],
          rows: units, formats: { meanRating: value => value == null ? "—" : value.toFixed(2) } }
      };
    }
  }
];

/**
 * Times of the resources moved down (resource_durations.sql), month by month this year: a median does not add up over
 * months, so each unit is a line over the months, with the claims each median is of in the table.
 */
function resourceDurationPanel(id, metricName, colour) {
  return {
    id, section: "resources", metric: metricName, period: "month", range: yearToDate,
    render(rows, range) {
      const months = monthsOf(range);
      const byUnitAndMonth = new Map(inScope(rows).map(row => [row.dimensionValue + " " + row.periodStart.slice(0, 7), row]));
      const units = scopedUnits();
      const cell = (unit, month) => byUnitAndMonth.get(unit.id + " " + month) || {};
      const tableRows = units.flatMap(unit => months.map(month => ({ id: unit.id, name: unit.name, month, ...cell(unit, month) })))
        .filter(row => row.claims);
      const palette = [colour, COLOURS.warn, COLOURS.bad, COLOURS.auto, "#7b61ff", "#2e8540", "#52606d", "#e07a5f", "#81b29a", "#f2cc8f"];
      return {
        figures: { labels: units.map(unit => unit.name), ids: units.map(unit => unit.id), months,
          values: units.map(unit => months.reduce((total, month) => total + (cell(unit, month).claims || 0), 0)),
          medianDays: units.map(unit => months.map(month => days(cell(unit, month).medianSeconds))) },
        option: {
          grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
          legend: { top: 0, type: "scroll" }, tooltip: { trigger: "axis", valueFormatter: value => value == null ? "—" : value + " " + t("days") },
          xAxis: { type: "category", data: months.map(monthLabel) },
          yAxis: { type: "value", name: t("days"), nameTextStyle: { align: "left" } },
          series: units.map((unit, index) => ({ name: shortName(unit), type: "line", connectNulls: true, symbolSize: 7,
            data: months.map(month => days(cell(unit, month).medianSeconds)), itemStyle: { color: palette[index % palette.length] } }))
        },
        table: { columns: ["name", "month", "claims", "medianSeconds", "p90Seconds"],
          labels: [t("levels")[childDimension()], t("period"), t("claims"), t("median"), t("p90")],
          rows: tableRows, formats: { medianSeconds: duration, p90Seconds: duration } }
      };
    }
  };
}

function durationPanel(id, metricName, label, unitOf, unitKey, colour) {
  return {
    id, metric: metricName, period: "month", departments: true,
    render(rows) {
      const units = unitRows(inScope(rows), ["tickets", "medianSeconds", "p90Seconds"])
        .map(row => ({ ...row, median: unitOf(row.medianSeconds) }));
      const chart = rankedBars(units, "median", value => value + " " + t(unitKey), colour, t(unitKey));
      return { ...chart, table: { columns: ["name", "tickets", "medianSeconds", "p90Seconds"],
        labels: [t("levels")[childDimension()], t("tickets"), t(label), t("p90")], rows: units, formats: { medianSeconds: duration, p90Seconds: duration } } };
    }
  };
}

function categoryFiltered() { return state.category !== "" && scope().kind === "COUNTY"; }
function inScope(rows) {
  const units = new Set(scopedUnits().map(unit => unit.id));
  return rows.filter(row => units.has(row.dimensionValue));
}

/** Andrew's monotone chain: the outline around a community's grid centres (a few points; no map data needed). */
function convexHull(points) {
  if (points.length < 3) return points;
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o, a, b) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = list => list.reduce((hull, point) => {
    while (hull.length >= 2 && cross(hull[hull.length - 2], hull[hull.length - 1], point) <= 0) hull.pop();
    hull.push(point);
    return hull;
  }, []);
  const lower = half(sorted);
  const upper = half([...sorted].reverse());
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

// ---- Rendering ----
function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => name === "html" ? node.innerHTML = value : node.setAttribute(name, value));
  node.append(...children);
  return node;
}

/** The table's own values (seconds, rates as fractions), units named in the header; formatted text is for the screen. */
function csv(table) {
  const columns = table.csv ? table.csv.columns : table.columns;
  const headers = table.csv ? table.csv.labels : table.labels;
  const quote = value => {
    const text = value == null ? "" : String(value);
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  };
  const labels = columns.map((column, index) => table.formats && table.formats[column] === duration
    ? `${headers[index]} (${t("seconds")})` : headers[index]);
  const lines = [labels, ...table.rows.map(row => columns.map(column => row[column]))];
  // A byte-order mark, so that Excel reads the Chinese names as UTF-8.
  return "\uFEFF" + lines.map(line => line.map(quote).join(",")).join("\r\n") + "\r\n";
}

function download(panel, table) {
  const blob = new Blob([csv(table)], { type: "text/csv;charset=utf-8" });
  const link = element("a", { href: URL.createObjectURL(blob), download: `${panel.id}-${state.scopeId}-${state.month}.csv` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

function tableElement(table) {
  const head = element("tr", {}, ...table.labels.map(label => element("th", {}, label)));
  const body = table.rows.map(row => element("tr", { "data-id": row.id ?? row.date ?? "" }, ...table.columns.map(column => {
    const value = row[column];
    const format = table.formats && table.formats[column];
    const text = column === "name" || column === "date" ? (value ?? "—") : format ? format(value, row) : (value ?? "—");
    return element("td", { "data-value": value == null ? "" : String(value) }, String(text));
  })));
  return element("table", {}, element("thead", {}, head), element("tbody", {}, ...body));
}

function panelFrame(panel) {
  let article = document.querySelector(`article[data-panel="${panel.id}"]`);
  if (!article) {
    article = element("article", { class: "panel", "data-panel": panel.id });
    document.getElementById("panels-" + (panel.section || "tickets")).append(article);
  }
  return article;
}

async function renderPanel(panel, range) {
  const article = panelFrame(panel);
  const wide = typeof panel.wide === "function" ? panel.wide() : panel.wide;
  article.className = "panel" + (wide ? " wide" : "");
  const [title, measures, whose] = TEXT[language].panels[panel.id];
  const hidden = !shown(panel);
  article.hidden = hidden;
  if (hidden) return null;
  const status = element("div", { class: "status" }, t("loading"));
  const chartElement = element("div", { class: "chart" });
  article.replaceChildren(element("h2", {}, title), element("p", { class: "measures" }, measures),
    element("p", { class: "whose", html: whose }), chartElement, status);
  const dimension = panel.dimension ? panel.dimension() : childDimension();
  const panelRange = panel.range ? panel.range(range) : range;
  try {
    const answer = await metric(panel.metric, dimension, panel.period, panelRange);
    const rendered = panel.render(answer.rows, panelRange);
    if (rendered.notes) chartElement.before(...rendered.notes);
    article.dataset.figures = JSON.stringify(rendered.figures);
    article.dataset.computedAt = answer.computedAt;
    // No data: no row, or not one figure the chart draws that is a number other than zero (ids and labels aside).
    const drawn = Object.entries(rendered.figures).filter(([key, values]) => !["labels", "ids", "months"].includes(key) && Array.isArray(values))
      .flatMap(([, values]) => values.flat());
    const empty = rendered.table.rows.length === 0 || drawn.every(value => typeof value !== "number" || value === 0);
    status.textContent = empty ? t("noData") : "";
    article.dataset.state = "rendered";
    const existing = charts.get(panel.id);
    if (existing) existing.dispose();
    const chart = echarts.init(chartElement, null, { renderer: "canvas" });
    chart.setOption({ animation: false, textStyle: { fontFamily: getComputedStyle(document.body).fontFamily }, ...rendered.option });
    chart.on("click", params => drillFromChart(panel, rendered, params));
    charts.set(panel.id, chart);
    const button = element("button", { type: "button", "data-action": "csv" }, t("downloadCsv"));
    button.addEventListener("click", () => download(panel, rendered.table));
    article.append(element("div", { class: "tools" }, button),
      element("details", {}, element("summary", {}, t("showTable")), element("div", { class: "table-scroll" }, tableElement(rendered.table))));
    return answer;
  } catch (error) {
    status.className = "status error";
    status.textContent = t("failed") + error.message;
    article.dataset.state = "failed";
    return null;
  }
}

function drillFromChart(panel, rendered, params) {
  const id = params.data && params.data.id ? params.data.id
    : rendered.figures.ids ? rendered.figures.ids[params.dataIndex]
    : undefined;
  const target = organisation(id);
  if (target && ["TOWN", "COMMUNITY", "GRID"].includes(target.kind) && target.id !== state.scopeId) drillTo(target.id);
}

function kpi(id, value, label, explain) {
  return element("div", { class: "kpi", "data-kpi": id, "data-value": value == null ? "" : String(value) },
    element("div", { class: "value" }, value == null ? "—" : String(value)), element("div", { class: "label" }, label),
    element("div", { class: "explain" }, explain));
}

async function renderKpis(range) {
  const child = childDimension();
  // A department is handed tickets, nobody reports to it: its headline is what it received.
  const department = scope().kind === "DEPARTMENT";
  const [intake, modes, onTime, ratings, backlog, misses] = await Promise.all([
    department ? metric("ticket_rates", child, "month", range) : metric("tickets_reported", child, "month", range),
    metric("dispatch_modes", child, "month", range),
    metric("on_time_rate", child, "month", range), metric("ratings", child, "month", range),
    metric("overdue_backlog", child, "month", range), metric("sla_misses", "town", "month", range)
  ].map(promise => promise.catch(() => ({ rows: [] }))));
  const current = scope();
  const missRows = misses.rows.filter(row => current.kind === "COUNTY" ? true
    : current.kind === "TOWN" ? row.dimensionValue === current.id : within(row.responsibleOrgId, current.id));
  const dispatched = sum(inScope(modes.rows), "dispatchedTickets");
  const resolved = sum(inScope(onTime.rows), "resolvedTickets");
  const rated = sum(inScope(ratings.rows), "ratedTickets");
  const ratingTotal = inScope(ratings.rows).reduce((total, row) => total + row.meanRating * row.ratedTickets, 0);
  document.getElementById("kpis").replaceChildren(
    department ? kpi("received", sum(inScope(intake.rows), "receivedTickets"), t("kpiReceived"), t("kpiReceivedExplain"))
      : kpi("reported", sum(inScope(intake.rows), "reportedTickets"), t("kpiReported"), t("kpiReportedExplain")),
    kpi("autoRouted", dispatched ? percent(sum(inScope(modes.rows), "autoRoutedTickets") / dispatched) : null, t("kpiAuto"), t("kpiAutoExplain")),
    kpi("onTime", resolved ? percent(sum(inScope(onTime.rows), "onTimeTickets") / resolved) : null, t("kpiOnTime"), t("kpiOnTimeExplain")),
    kpi("rating", rated ? (ratingTotal / rated).toFixed(2) : null, t("kpiRating"), t("kpiRatingExplain")),
    kpi("overdue", sum(inScope(backlog.rows), "overdueTickets"), t("kpiOverdue"), t("kpiOverdueExplain")),
    kpi("misses", sum(missRows, "misses"), t("kpiMisses"), t("kpiMissesExplain")));
}

function renderChrome() {
  document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
  document.title = t("title");
  document.querySelectorAll("[data-text]").forEach(node => node.textContent = t(node.dataset.text));
  const identity = document.getElementById("identity");
  if (identity.dataset.demo) identity.textContent = t("demoIdentity") + identity.dataset.demo;
  const breadcrumb = document.getElementById("breadcrumb");
  const path = ancestry(state.scopeId);
  breadcrumb.replaceChildren(...path.flatMap((node, index) => {
    const last = index === path.length - 1;
    const label = node.kind === "COUNTY" ? `${node.name}（${t("county")}）` : node.name;
    const item = last ? element("span", { class: "current", "data-id": node.id }, label) : element("a", { "data-id": node.id }, label);
    if (!last) item.addEventListener("click", () => drillTo(node.id));
    return index === 0 ? [item] : [" › ", item];
  }));
  const months = document.getElementById("month");
  months.replaceChildren(...recentMonths(12).map((month, index) => element("option", { value: month },
    monthLabel(month) + (index === 0 ? t("monthSoFar") : ""))));
  months.value = state.month;
  const places = document.getElementById("place");
  const ordered = [];
  const visit = (node, depth) => { ordered.push([node, depth]); childrenOf(node.id).forEach(child => visit(child, depth + 1)); };
  if (organisation(state.rootId)) visit(organisation(state.rootId), 0);
  places.replaceChildren(...ordered.filter(([node]) => node.kind !== "GRID" || node.id === state.scopeId)
    .map(([node, depth]) => element("option", { value: node.id }, "\u3000".repeat(depth) + node.name)));
  places.value = state.scopeId;
  const categories = document.getElementById("category");
  categories.replaceChildren(element("option", { value: "" }, t("allCategories")),
    ...Object.keys(TEXT[language].categories).map(code => element("option", { value: code }, TEXT[language].categories[code])));
  categories.value = state.category;
  categories.title = t("categoryCountyOnly");
}

async function render() {
  renderChrome();
  const range = monthRange(state.month);
  const answers = await Promise.all([renderKpis(range), ...PANELS.concat(RESOURCE_PANELS).map(panel => renderPanel(panel, range))]);
  const computed = answers.filter(answer => answer && answer.computedAt).map(answer => answer.computedAt).sort();
  document.getElementById("computed").textContent = computed.length ? t("computedAt") + " " + instantText(computed[0]) : "";
  document.body.dataset.state = "rendered";
  document.body.dataset.scope = state.scopeId;
  document.body.dataset.language = language;
}

function drillTo(id) {
  state.scopeId = id;
  history.replaceState(null, "", "#" + new URLSearchParams({ scope: id, month: state.month }));
  document.body.dataset.state = "loading";
  render();
}

async function start() {
  const hash = new URLSearchParams(location.hash.slice(1));
  state.month = /^\d{4}-\d{2}$/.test(hash.get("month") || "") ? hash.get("month") : today().slice(0, 7);
  try {
    const tree = await getJson("/v1/me/organisations");
    tree.organisations.forEach(node => state.organisations.set(node.id, node));
    state.rootId = tree.rootId;
  } catch (error) {
    document.getElementById("kpis").replaceChildren(element("div", { class: "status error" }, t("failed") + error.message));
    document.body.dataset.state = "failed";
    renderChrome();
    return;
  }
  state.scopeId = organisation(hash.get("scope")) && within(hash.get("scope"), state.rootId) ? hash.get("scope") : state.rootId;
  document.getElementById("language").addEventListener("click", () => {
    language = language === "zh" ? "en" : "zh";
    localStorage.setItem(LANGUAGE_KEY, language);
    document.body.dataset.state = "loading";
    render();
  });
  document.getElementById("month").addEventListener("change", event => { state.month = event.target.value; drillTo(state.scopeId); });
  document.getElementById("place").addEventListener("change", event => drillTo(event.target.value));
  document.getElementById("category").addEventListener("change", event => { state.category = event.target.value; drillTo(state.scopeId); });
  document.getElementById("sign-in").addEventListener("submit", event => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, document.getElementById("token").value.trim());
    location.reload();
  });
  window.addEventListener("resize", () => charts.forEach(chart => chart.resize()));
  render();
}

start();
