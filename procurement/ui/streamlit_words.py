"""Chinese for the words Streamlit's own frontend shows (its widget chrome).

Streamlit has no locale setting; its frontend hard-codes English ("Choose an option", "Upload",
"200MB per file", "Press Enter to submit form", the dataframe toolbar…). What Python can set is in
:data:`PLACEHOLDERS`. For the rest, :func:`localise_streamlit` adds one ``st.html`` element (no iframe;
its container hides itself, so no gap) whose script, once per page load, starts a MutationObserver
that rewrites text nodes and placeholder / aria-label / title attributes by exact match (or anchored
patterns) inside Streamlit's widget chrome only (the scopes of :data:`_RULES`), never user content.
It also reports ``navigator.language`` as zh-CN, which makes the date picker (react-aria) Chinese.
When the marker element is gone (the reader chose English), everything is put back.
"""

from __future__ import annotations

import json
from typing import Final, Literal

import streamlit as st

Rule = tuple[str, Literal["text", "attr", "both"], dict[str, str], list[tuple[str, str]]]

# Words Python can set; the "en" values are Streamlit's defaults, so passing them changes nothing.
PLACEHOLDERS: Final[dict[str, dict[str, str]]] = {
    "selectbox": {"en": "Choose an option", "zh": "请选择"},
    "multiselect": {"en": "Choose options", "zh": "请选择"},
    "selectbox_new": {"en": "Choose or add an option", "zh": "选择或添加选项"},
    "multiselect_new": {"en": "Choose or add options", "zh": "选择或添加选项"},
    "no_options": {"en": "No options to select", "zh": "无可选项"},
    "dataframe_missing": {"en": "None", "zh": "—"},  # st.dataframe / st.data_editor placeholder=
}


def placeholder(kind: str, lang: str) -> str:
    """The ``placeholder=`` for a widget of ``kind`` (a key of PLACEHOLDERS) in ``lang``."""
    return PLACEHOLDERS[kind].get(lang, PLACEHOLDERS[kind]["en"])


_TOOLBAR: Final = {"Show/hide columns": "显示/隐藏列", "Download as CSV": "下载为 CSV", "Search": "搜索",
                   "Fullscreen": "全屏", "Close fullscreen": "退出全屏", "Add row": "添加行",
                   "Delete row(s)": "删除所选行", "Clear selection": "清除选择"}
_REMOVE: Final = ("^Remove (.+)$", "移除 $1")

# (CSS scope, look at text nodes / attributes / both, exact English -> Chinese, [(JS regex, replacement)])
_RULES: Final[list[Rule]] = [
    (", ".join(f'[data-testid="{t}"]' for t in (
        "stSelectbox", "stMultiSelect", "stSelectboxVirtualDropdown", "stMultiSelectDropdown",
        "stFileUploader", "stTextInput", "stTextArea", "stNumberInput", "stProgress", "stElementToolbar",
        "stDataFrameColumnMenu")), "attr", {
        "Choose an option": "请选择", "Choose options": "请选择", "Choose or add an option": "选择或添加选项",
        "Choose or add options": "选择或添加选项", "Add an option": "添加选项", "Add options": "添加选项",
        "No options to select": "无可选项", "Clear value": "清除", "Clear all": "全部清除", "Open": "展开",
        "Selected values": "已选项", "Dismiss": "关闭", "Add files": "添加文件", "Show password": "显示密码",
        "Hide password": "隐藏密码", "Clear entry": "清除", "Increment": "增加", "Decrement": "减少",
        "progress": "进度", "Copy column name": "复制列名", "Dataframe column menu": "列菜单", **_TOOLBAR},
     [_REMOVE]),
    ('[data-testid="stSelectboxVirtualDropdown"] [data-empty="true"], '
     '[data-testid="stMultiSelectDropdown"] [data-empty="true"]', "text", {"No results": "无结果"},
     [(r"^You can only select up to (\d+) options?\. Remove an option first\.$",
       "最多只能选 $1 项，请先移除一项。")]),
    ('[data-key="__select_all__"], [data-testid="stDataFrameColumnVisibilityMenu"] label', "text",
     {"Select all": "全选"}, []),
    ('[data-testid="stFileUploaderDropzone"]', "both", {
        "Upload": "上传", "Upload directories": "上传文件夹", "file upload": "上传文件",
        "Drag and drop a file here": "将文件拖放到此处", "Drag and drop files here": "将文件拖放到此处",
        "Drag and drop directories here": "将文件夹拖放到此处"},
     [(r"^(\S+) per file$", "每个文件不超过 $1")]),
    ('[data-testid="stFileChip"]', "text", {"Error:": "错误："},
     [(r"^(.+) files are not allowed\.$", "不支持 $1 类型的文件。")]),
    ('[data-testid="stDateInput"], [data-testid="stDateInputCalendar"]', "both", {
        "Choose date": "选择日期", "Choose date range": "选择日期范围", "Clear date": "清除日期",
        "Clear dates": "清除日期", "Next month": "下个月", "Previous month": "上个月", "Empty": "空",
        "Quick select a date range": "快速选择日期范围",
        "Use arrow keys to navigate dates. Enter to select. Escape to close.":
            "用方向键切换日期，按 Enter 选择，按 Esc 关闭。"},
     [(r"^Choose date, (.+)$", "选择日期，$1"), (r"^year, (.+)$", "年，$1"),
      (r"^month, (.+)$", "月，$1"), (r"^day, (.+)$", "日，$1")]),
    ('[data-testid="stDateInput"] [data-placeholder="true"]', "text",
     {"yyyy": "年", "mm": "月", "dd": "日"}, []),
    ('[data-testid="InputInstructions"]', "text", {},
     [(r"^Press (.+) to submit form$", "按 $1 提交表单"), (r"^Press (.+) to apply$", "按 $1 应用")]),
    ('[data-testid="stTooltipContent"]', "text", _TOOLBAR, []),
    ('[data-testid="stDataFrameColumnMenu"] [role="menuitem"], '
     '[data-testid="stDataFrameColumnFormattingMenu"] [role="menuitem"]', "text", {
        "Sort ascending": "升序排列", "Sort descending": "降序排列", "Statistics": "统计信息",
        "Format": "格式", "Autosize": "自动调整列宽", "Pin column": "固定列", "Unpin column": "取消固定",
        "Hide column": "隐藏列", "Automatic": "自动", "Localized": "本地化", "Plain": "纯数字",
        "Compact": "紧凑", "Dollar": "美元", "Euro": "欧元", "Yen": "日元", "Percent": "百分比",
        "Scientific": "科学计数", "Accounting": "会计", "Duration": "时长", "Distance": "相对时间",
        "Calendar": "日历"}, []),
    ('[data-testid="stDataFrameStatisticsMetrics"] dt', "text", {
        "Values": "值数", "Empty": "空值", "Distinct": "不同值", "Average": "平均值", "Sum": "总和",
        "Standard deviation": "标准差", "Minimum": "最小值", "Maximum": "最大值", "Median": "中位数",
        "25th percentile": "25% 分位数", "75th percentile": "75% 分位数", "Range": "范围",
        "Minimum length": "最短长度", "Maximum length": "最长长度", "Average length": "平均长度"}, []),
    (".gdg-search-bar", "both", {
        "Type to search": "输入以搜索", "Previous Result": "上一个结果", "Next Result": "下一个结果",
        "Close Search": "关闭搜索"}, [(r"^(\d+\+?) results?$", "$1 个结果")]),
    ('[data-testid="stStatusWidget"]', "both", {"Running...": "运行中…", "Stop": "停止"}, []),
    ('[data-testid="stSkipToContent"]', "text", {"Skip to main content": "跳到主要内容"}, []),
]

_SCRIPT: Final = """(() => {
  const w = window, MARK = '[data-st-words="zh"]';
  if (w.__stWords) { w.__stWords.run(); return; }  // once per page load
  const RULES = __RULES__.map(([s, m, ex, ps]) => [s, m, ex, ps.map(([re, to]) => [new RegExp(re), to])]);
  const ATTRS = ['placeholder', 'aria-label', 'title', 'aria-valuetext'], Q = ATTRS.map(a => `[${a}]`).join();
  const done = new Map();  // node -> {attribute or '#text': [English, Chinese]}
  const word = (s, ex, ps) => {
    const t = s.trim(); let out = t && Object.hasOwn(ex, t) ? ex[t] : null;
    for (const [re, to] of ps) if (out === null && re.test(t)) out = t.replace(re, to);
    return out === null ? null : s.replace(t, () => out);
  };
  const get = (node, key) => key === '#text' ? node.nodeValue : node.getAttribute(key);
  const set = (node, key, v) => key === '#text' ? (node.nodeValue = v) : node.setAttribute(key, v);
  const put = (node, key, v) => {
    done.set(node, {...done.get(node), [key]: [get(node, key), v]}); set(node, key, v);
  };
  // User content inside the chrome: multiselect tags, uploaded file names, column names in the menu.
  const USER_TEXT = '[data-tag], [data-testid="stFileChipName"]';
  const USER_ATTR = `${USER_TEXT},[data-tag] span,[data-testid=stFileChip],[role=menu] [title]:not(button)`;
  const apply = () => {
    for (const [sel, mode, ex, ps] of RULES) for (const root of document.querySelectorAll(sel)) {
      const it = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = mode === 'attr' ? null : it.nextNode(); n; n = it.nextNode()) {
        const v = n.parentElement.closest(USER_TEXT) ? null : word(n.nodeValue, ex, ps);
        if (v !== null) put(n, '#text', v);
      }
      if (mode !== 'text') for (const el of [root, ...root.querySelectorAll(Q)]) for (const a of ATTRS) {
        const o = el.getAttribute(a), v = o === null || el.matches(USER_ATTR) ? null : word(o, ex, ps);
        if (v !== null) put(el, a, v);
      }
    }
    for (const node of done.keys()) if (!node.isConnected) done.delete(node);
  };
  const revert = () => {
    for (const [node, keys] of done)
      for (const [k, [was, now]] of Object.entries(keys)) if (get(node, k) === now) set(node, k, was);
    done.clear();
  };
  let active = false;
  const run = () => {
    obs.disconnect();  // our own rewrites must not wake the observer
    const on = document.querySelector(MARK) !== null;
    if (on && !active) Object.defineProperty(navigator, 'language', {configurable: true, get: () => 'zh-CN'});
    if (!on && active) { delete navigator.language; revert(); }
    active = on;
    if (on) apply();
    obs.observe(document.body, {subtree: true, childList: true, characterData: true, attributeFilter: ATTRS});
  };
  const obs = new MutationObserver(run);
  w.__stWords = {run}; run();
})();"""

_HTML: Final = (
    '<div data-st-words="zh" hidden></div>'
    '<style>[data-testid="stElementContainer"]:has([data-st-words]){display:none}</style>'
    f"<script>{_SCRIPT.replace('__RULES__', json.dumps(_RULES, ensure_ascii=False))}</script>"
)


def localise_streamlit(lang: str) -> None:
    """Translate Streamlit's own frontend words when ``lang`` is "zh"; call it on every script run."""
    if lang == "zh":
        st.html(_HTML, unsafe_allow_javascript=True)
