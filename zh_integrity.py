"""Chinese translations of the messages the integrity branch adds (the lead's preview, the
approver's hint, the flags after approval, the dossier's integrity.json and the report's
section), to be merged into procurement/locale/zh_CN. Every msgid is in the ``procurement``
domain except the two marked ``cli``: the help of ``procure recommend`` and of
``procure integrity list`` (cli.po; their msgids keep the docstrings' line breaks)."""

ZH = {
    # The indicators' names (procurement/integrity/model.py, INDICATORS).
    "Single bid received": "仅收到一份投标",
    "Price close to the winning bid": "报价接近中标价",
    "Identical bid prices": "投标报价相同",
    "Lowest bid disqualified": "最低价投标被取消资格",
    "Heavily discounted bid": "中标价大幅低于其他投标",
    "Prices in progression": "报价呈等差或等比递增",
    "Constant price ratio across lots": "各标段报价比例固定",
    "Cover bid": "陪标报价",
    "Same unusual figures": "报价尾数异常雷同",
    # The award page (procurement/ui/integrity.py).
    "**{code}** · {subject} · {indicator}": "**{code}** · {subject} · {indicator}",
    ":material/check: Noted by **{who}** on {date}:": ":material/check: **{who}** 于 {date} 说明：",
    "Integrity flags the recommendation will raise": "推荐结果将产生的廉洁红旗",
    "No integrity flag: the recommendation raises none.": "没有廉洁红旗：推荐结果不会产生廉洁红旗。",
    "The approver must record a note on each of these before approving: explain them in your "
    "reasons below, so that the approver can check them.":
        "审批人须在批准前对以下每个廉洁红旗写明说明：请在下方的推荐理由中予以解释，便于审批人核查。",
    "The integrity flags of the approved recommendation, each with the note the approver "
    "recorded before approving.":
        "已批准推荐结果的廉洁红旗，以及审批人在批准前对每个红旗所写的说明。",
    # The next-step hints (procurement/services/tasks.py).
    "Moderate the scores the panel disagrees on, record how each flag was resolved, then "
    "recommend the award, explaining the integrity flags it will raise.":
        "对评标委员会意见分歧的评分进行协调，记录每个风险标记的处理结果，然后推荐授标，"
        "并说明推荐结果将产生的廉洁红旗。",
    "Check the integrity flags and record a note on each, then approve the recommendation; "
    "or return it to moderation with your reason.":
        "请核查廉洁红旗并逐项写明说明，然后批准该推荐；或说明理由后将其退回评审协调。",
    # The command line (procurement/cli/integrity.py).
    "Before you recommend: the integrity flags the recommendation would raise if made now. "
    "The approver notes each before approving; explain them in your recommendation's "
    "reasons.":
        "推荐前预览：以下是按当前评审结果提出推荐时将产生的廉洁红旗。审批人须在批准前逐项说明；"
        "请在推荐理由中予以解释。",
    "the recommendation raises integrity flags ({count}); the approver notes each before "
    "approving:":
        "推荐结果产生廉洁红旗（{count} 个），审批人须在批准前逐项说明：",
    # The evaluation report's section (procurement/documents/context.py).
    "The integrity screening runs on a recommendation; there is none awaiting approval or "
    "approved.":
        "廉洁筛查针对推荐结果进行：目前没有待批准或已批准的推荐。",
    "The screening raised no integrity flag on the recommendation.": "筛查未发现推荐结果存在廉洁红旗。",
    "all bids": "全部投标",
    "lot {lot}": "标段 {lot}",
    "{note} ({who}, {date})": "{note}（{who}，{date}）",
    # The benchmark figure (benchmarks/bench_integrity.py; docs/performance).
    "The lead's integrity preview before recommending, 200 bids (from the evaluation as it "
    "stands)":
        "采购负责人推荐前的廉洁红旗预览，200 份投标（基于当前评审结果）",
    # cli: the help of procure integrity list.
    "List the latest recommendation's integrity flags, with the approver's notes; for the\n"
    "lead during moderation, the flags the recommendation would raise if made now.":
        "列出最新推荐结果的廉洁红旗及审批人的说明；评审协调阶段由采购负责人运行时，\n"
        "列出按当前评审结果提出推荐将产生的廉洁红旗。",
    # cli: the help of procure recommend.
    "Recommend the award, with the evaluation frozen as it stands (the lead). The\n"
    "integrity flags it raises, which the approver notes before approving, are listed on\n"
    "stderr (see them before with procure integrity ID).":
        "推荐授标，评审结果按当前状态固定（采购负责人）。推荐结果产生的廉洁红旗\n"
        "（审批人须在批准前逐项说明）列于标准错误输出（推荐前可用 procure integrity ID 查看）。",
}
