"""``--help`` in the language asked for: summaries, option help and headings from the catalogue.

The wording lives in :mod:`emulation_vote.messages.help`.  :func:`localized` is called once at
start-up, with the language chosen from the command line (``--lang``/``-l``, else
``EMULATION_VOTE_LANG``, else Vietnamese), before Click formats any help; it imports nothing heavy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from emulation_vote.vocab import Language

if TYPE_CHECKING:
    from typer._click.core import Command

HEADINGS = {
    "Arguments": "help.heading.arguments",
    "Options": "help.heading.options",
    "Commands": "help.heading.commands",
    "required": "help.heading.required",
    "env var: {var}": "help.heading.env_var",
}
"""Click's English words in help (Typer looks them up through gettext), by catalogue key."""


def _wording(key: str, lang: Language) -> str:
    from emulation_vote.messages import MESSAGES

    vi, en = MESSAGES[key]
    return en if lang == Language.en else vi


def help_key(command: str | None, parameter: str) -> str | None:
    """Return the catalogue key of ``parameter``'s help in ``command`` (None: the program), if any.

    A command's own wording (``help.<command>.<parameter>``) comes before the shared one
    (``help.opt.<parameter>``).
    """
    from emulation_vote.messages import MESSAGES

    own = f"help.{command}.{parameter}" if command else None
    if own and own in MESSAGES:
        return own
    shared = f"help.opt.{parameter}"
    return shared if shared in MESSAGES else None


def _localize_params(command: Command, name: str | None, lang: Language) -> None:
    for parameter in command.params:
        key = help_key(name, parameter.name or "")
        if key is not None:
            parameter.help = _wording(key, lang)  # type: ignore[attr-defined]


def _localize_headings(lang: Language) -> None:
    """Make Typer's and Click's own help words (Options, [default: ...], Usage:) follow ``lang``."""
    import typer.core
    from typer._click.core import Command
    from typer._click.formatting import HelpFormatter

    def heading(message: str) -> str:
        if message.startswith("default: "):
            return _wording("help.heading.default", lang) + message[len("default") :]
        key = HEADINGS.get(message)
        return _wording(key, lang) if key else message

    typer.core._ = heading  # type: ignore[attr-defined]  # Typer's gettext, looked up at each call

    write_usage = getattr(HelpFormatter.write_usage, "original", HelpFormatter.write_usage)

    def localized_usage(self: HelpFormatter, prog: str, args: str = "", prefix: str | None = None) -> None:
        write_usage(self, prog, args, _wording("help.heading.usage", lang) + " " if prefix is None else prefix)

    localized_usage.original = write_usage  # type: ignore[attr-defined]
    HelpFormatter.write_usage = localized_usage  # type: ignore[method-assign]

    get_help = getattr(Command.get_help, "original", Command.get_help)
    english_help = _wording("help.opt.help", Language.en)

    def localized_get_help(self: Command, ctx: object) -> str:
        text: str = get_help(self, ctx)  # type: ignore[arg-type]
        return text.replace(english_help, _wording("help.opt.help", lang))

    localized_get_help.original = get_help  # type: ignore[attr-defined]
    Command.get_help = localized_get_help  # type: ignore[method-assign]


def localized(lang: Language, run: str | None = None) -> Command:
    """Return the command line as a Click command whose help is all in ``lang`` ("vi" or "en").

    ``run``: the word naming the command run, if any.  When it names one, only that command
    is built (building every command's options is most of the start-up time of a short run); the
    root's help, an unknown command or none at all get every command.
    """
    import typer.main

    from emulation_vote.cli._app import app  # its commands are registered by importing the package

    every = app.registered_commands
    named = [info for info in every if _command_name(info) == run]
    app.registered_commands = named or every
    try:
        root = typer.main.get_command(app)
    finally:
        app.registered_commands = every
    root.help = _wording("help.root", lang)
    _localize_params(root, None, lang)
    for name, command in getattr(root, "commands", {}).items():
        command.help = _wording(f"help.cmd.{name}", lang)
        command.short_help = None
        _localize_params(command, name, lang)
    _localize_headings(lang)
    return root


def _command_name(info: Any) -> str:
    """Return the name a registered Typer command is called by (its function's name, dashed, unless given)."""
    name: str = info.name or info.callback.__name__.lower().replace("_", "-")
    return name
