"""The command line speaks the reader's language: help, usage errors and Click's words."""

from __future__ import annotations

import pytest

from procurement.cli.bilingual import requested_lang
from tests.e2e.cli import procure


@pytest.mark.parametrize(("argv", "environ", "lang"), [
    (["publish", "x"], {}, "en"),
    (["publish", "--lang", "zh", "x"], {}, "zh"),
    (["publish", "--lang=zh"], {}, "zh"),
    (["publish"], {"PROCURE_LANG": "zh"}, "zh"),
    (["publish", "--lang", "en"], {"PROCURE_LANG": "zh"}, "en"),
    (["publish", "--lang", "fr"], {}, "en"),  # Click reports the bad value
    (["publish", "--", "--lang", "zh"], {}, "en"),
])
def test_the_language_is_known_before_parsing(argv, environ, lang):
    assert requested_lang(argv, environ) == lang


def test_help_in_chinese_and_in_english():
    chinese = procure("--help", env={"PROCURE_LANG": "zh"})
    assert chinese.returncode == 0
    assert "用法：" in chinese.stdout and "智慧采购评审工具包" in chinese.stdout
    assert "显示此帮助并退出。" in chinese.stdout and "发布" in chinese.stdout
    english = procure("--help", env={"PROCURE_LANG": "en"})
    assert "Usage:" in english.stdout and "Smart procurement evaluation toolkit" in english.stdout
    options = procure("publish", "--help", "--lang", "zh")
    assert "已注册的 OCDS 前缀" in options.stdout and "[必填]" in options.stdout


def test_usage_errors_in_the_language_asked_for():
    chinese = procure("publish", "--lang", "zh", env={"PROCURE_LANG": "en"})
    assert chinese.returncode == 2
    assert "错误：缺少参数 'SOURCE'" in chinese.stderr
    assert "运行 'procure publish --help' 查看帮助。" in chinese.stderr
    bad = procure("score", "bids.csv", "--sensitivity", "many", env={"PROCURE_LANG": "zh"})
    assert bad.returncode == 2 and "'--sensitivity' 的值无效" in bad.stderr
    english = procure("publish", env={"PROCURE_LANG": "en"})
    assert "Error: Missing argument 'SOURCE'" in english.stderr
