"""Chinese translations of the messages added with the indicators page of the published site
and the indicators as CSV, to be merged into procurement/locale/zh_CN/LC_MESSAGES:
``ZH`` into procurement.po, ``CLI_ZH`` (the help of the new command-line options, which
tools/update_cli_catalog.py collects) into cli.po."""

ZH = {
    # The site's navigation and the indicators page (procurement/pipeline/site_labels.py,
    # procurement/pipeline/site_indicators.py).
    "Procurement indicators": "采购指标",
    "How open the city's procurement is to competition, and who wins it: single bids, the "
    "number of bidders, the share of SMEs, the concentration of suppliers and the awards made "
    "on price alone.":
        "城市采购的竞争开放程度及中标者构成：单一投标、投标人数量、中小企业份额、供应商集中度以及仅按价格授标的情况。",
    "Computed from the city's award releases, as published in release-package.json: each "
    "awarded procurement is one procedure.":
        "依据 release-package.json 中公开的城市授标发布计算；每个已授标的采购项目计为一个采购程序。",
    "Every awarded procurement of the city": "城市全部已授标采购项目",
    "What it measures": "含义",
    "New suppliers by year": "各年新增供应商",
    "A dash (–) means there is nothing to count.": "“–”表示无可统计的数据。",
    "Indicators (CSV)": "指标（CSV）",
    "Indicators (JSON)": "指标（JSON）",
    "Per buyer": "按采购人",
    "Per CPV division": "按 CPV 大类",
    "Per year": "按年份",
    # Each indicator in one line (procurement/indicators/names.py, DEFINITIONS).
    "Awarded procurements counted, each one procedure (one ocid).":
        "统计的已授标采购项目，每个计为一个采购程序（一个 ocid）。",
    "Procedures whose method is open or selective.": "采购方式为公开招标或邀请招标的采购程序。",
    "Competitive procedures with exactly one bid, out of those whose number of bids is known.":
        "仅收到一份投标的竞争性程序，占投标数量已知的竞争性程序的比例。",
    "Bids per procedure, on average, where the number is known.":
        "投标数量已知的采购程序平均每个程序收到的投标数。",
    "Awards won by SMEs, out of the awards whose supplier's size is known.":
        "中小企业中标的授标，占供应商规模已知的授标的比例。",
    "The same share, by the awarded value.": "同一份额，按授标金额计算。",
    "Herfindahl-Hirschman index of the suppliers' shares of the awarded value, from near 0 "
    "(many small suppliers) to 10,000 (one supplier).":
        "按各供应商所占授标金额份额计算的赫芬达尔—赫希曼指数，"
        "从接近 0（众多小供应商）到 10,000（仅一家供应商）。",
    "The largest supplier's share of the awarded value.": "最大供应商所占授标金额的份额。",
    "Procedures awarded on price alone, out of those whose award criteria are known.":
        "仅按价格授标的采购程序，占评审标准已知的采购程序的比例。",
    # The benchmark's figure in the speed tables (benchmarks/bench_publish_indicators.py).
    "procure publish --indicators, 200 awarded procurements: the indicators' part":
        "procure publish --indicators，200 个已授标采购项目：指标部分",
    # procure publish --indicators (procurement/cli/publish.py, procurement/services/pipeline.py).
    "The indicators of the awards published: indicators.html, indicators.json and "
    "indicators.csv.":
        "已发布授标指标：indicators.html、indicators.json 和 indicators.csv。",
    "needs --awards-from DB (the indicators are computed from the city's awards)":
        "需要 --awards-from DB（指标根据城市的授标结果计算）",
}

CLI_ZH = {
    "Also write the numbers as CSV: one row overall and one per group.":
        "同时将数据写入 CSV：总体一行，每个分组一行。",
    "Also publish the indicators of the awards (single-bid rate, SMEs, concentration): "
    "indicators.html, .json and .csv; needs --awards-from.":
        "同时发布授标指标（单一投标率、中小企业、集中度）：indicators.html、.json 和 .csv；"
        "需要 --awards-from。",
}
