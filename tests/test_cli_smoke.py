"""The ``treaty`` command exists, documents its subcommands and exit codes."""
from compare.cli import build_parser, main


def test_help_lists_exit_codes(capsys):
    assert main(["--help"]) == 0
    assert "exit codes" in capsys.readouterr().out


def test_every_subcommand_has_help_with_an_example():
    parser = build_parser()
    commands = next(action for action in parser._actions if action.dest == "command")
    for name, subparser in commands.choices.items():
        assert subparser.description, name
        assert "example" in (subparser.epilog or ""), name


def test_every_corpus_command_takes_jobs_and_cache_options():
    parser = build_parser()
    commands = next(action for action in parser._actions if action.dest == "command")
    for name in ["classify", "diff", "compare", "report"]:
        options = {option for action in commands.choices[name]._actions for option in action.option_strings}
        assert {"--jobs", "--cache-dir", "--no-cache", "--taxonomy"} <= options, name
