"""Scoring (chấm điểm thi đua): the block's score table, the score sheets, and the ranking they give.

A service below the command line that imports no renderer: :mod:`.model` (the ``[scoring]``
table), :mod:`.sheets` (reading score sheets), :mod:`.engine` (the rule of FORMATS §6.3),
:mod:`.record` (the ranking and its fingerprint), :mod:`.files` (election file + sheets -> record,
and a saved scores JSON read back).
"""
