#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright vzbridge contributors. Apache License 2.0 (see LICENSE in the repository).

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
---
module: vzbridge
short_description: Run vzbridge commands on an OpenVZ node as one safe transaction
description:
  - Runs C(vzbridge --json) on the node with the given command lines (or a batch file on the node).
    vzbridge plans every change, applies it under its host lock, verifies it, and rolls it back
    when a step or a check fails.
  - C(changed) is true exactly when vzbridge applied a transaction (committed, or applied and
    awaiting C(confirm)). A plan that is already satisfied ("nothing to do") is C(changed=false),
    so running the same commands twice changes nothing the second time.
  - Exit code 1 of vzbridge (failed and rolled back) and 3 (rolled back, but the node differs from
    its snapshot) fail the task; for 3 the difference is in C(msg) and C(drift).
    Exit code 2 (bad input, nothing ran) fails the task too.
  - In check mode the module runs vzbridge with C(--dry-run) and reports C(changed) when any plan
    has changes. Nothing on the node is touched.
  - It reads only vzbridge's JSON envelopes (C(exit), C(changed), C(txid), C(state), C(plan),
    C(result)), described in docs/json.md of the vzbridge repository.
  - In diff mode the module returns the plan and, for every C(save) command line, the unified diff
    of the files C(save) writes.
  - With I(confirm), a change is kept only if C(vzbridge confirm TXID) follows within that many
    seconds; otherwise the watchdog on the node rolls it back by itself. The module returns the
    C(txid) to confirm. The C(vzbridge.node.bridge) role confirms over a new SSH connection.
version_added: "0.1.0"
author:
  - vzbridge contributors
options:
  commands:
    description:
      - Command lines, as typed at the vzbridge prompt, run as one transaction (a batch read from
        standard input). C(set NAME=VALUE) and C(${NAME}) work as in batch files.
      - Mutually exclusive with I(batch).
    type: list
    elements: str
  batch:
    description:
      - Path of a batch file on the node (C(vzbridge -f FILE)). Mutually exclusive with I(commands).
    type: path
  root:
    description: Read and write every file under this directory instead of C(/) (C(--root)).
    type: path
  tools:
    description: Host tools flavour (C(--tools)).
    type: str
    choices: [auto, iproute2, legacy]
  runtime:
    description: Container runtime (C(--runtime)).
    type: str
    choices: [vzctl, netns]
  ct_netns:
    description: Namespace name pattern of a container for the netns runtime, C({id}) is the CT ID (C(--ct-netns)).
    type: str
  per_command:
    description: Make each command line its own transaction (C(--per-command)).
    type: bool
    default: false
  confirm:
    description:
      - Keep the change only if C(vzbridge confirm TXID) follows within this many seconds (C(--confirm)).
      - Without it, a change that touches the link carrying the module's own SSH connection still
        waits for confirm (vzbridge's default window), and the module returns its C(txid).
    type: int
  executable:
    description: Path of the vzbridge launcher. By default C(vzbridge) is looked up on C(PATH).
    type: path
notes:
  - Runs on the node itself (the node's network namespace). Needs Java 17 there, as vzbridge does.
  - In diff mode, C(save) diffs come from C(save --diff) lines the module adds before each C(save)
    line of I(commands); a I(batch) file reports the C(save --diff) lines it contains itself.
  - docs/ansible.md in the vzbridge repository shows an inventory, a playbook, check and diff
    usage, and the confirm pattern.
'''

EXAMPLES = r'''
- name: Bridge eth0 and attach a container, kept only if confirmed within 60 s
  vzbridge.node.vzbridge:
    commands:
      - bridge create br0 --nic eth0
      - ct attach 101 --bridge br0 --address 203.0.113.195/26 --gateway 203.0.113.193 --host-route
      - save
    confirm: 60
  register: applied

- name: Confirm it over a new connection
  vzbridge.node.vzbridge:
    commands:
      - "confirm {{ applied.txid }}"
  when: applied.pending_confirm

- name: Run a batch file that is on the node, each line its own transaction
  vzbridge.node.vzbridge:
    batch: /root/node.vzb
    per_command: true

- name: Read what save would write, changing nothing
  vzbridge.node.vzbridge:
    commands: [save]
  check_mode: true
  diff: true
'''

RETURN = r'''
changed:
  description: A transaction was applied (or, in check mode, some plan has changes).
  returned: always
  type: bool
txid:
  description: ID of the last transaction applied (or confirmed); null when none was.
  returned: always
  type: str
  sample: 20261201-010652-413-60a8
state:
  description: State of that transaction, e.g. C(committed), C(pending-confirm), C(rolled-back).
  returned: always
  type: str
pending_confirm:
  description: The transaction awaits C(vzbridge confirm TXID); the node's watchdog rolls it back otherwise.
  returned: always
  type: bool
rc:
  description: Exit code of vzbridge (0 ok, 1 failed and rolled back, 2 bad input, 3 drift remains).
  returned: always
  type: int
plans:
  description: The plans vzbridge printed or applied, as in its JSON (command, changes, checks, files).
  returned: always
  type: list
  elements: dict
files:
  description: Files C(save) would write or wrote, each with C(path) and unified C(diff) (from C(save --diff) lines).
  returned: always
  type: list
  elements: dict
drift:
  description: For exit code 3, the lines that describe how the node differs from its snapshot.
  returned: when rc is 3
  type: list
  elements: str
results:
  description: Every JSON document vzbridge printed, in order.
  returned: always
  type: list
ssh_connection:
  description: C(SSH_CONNECTION) of the session the module ran in (client address and port, server address and port), as vzbridge saw it.
  returned: always
  type: str
stdout:
  description: vzbridge's standard output.
  returned: always
  type: str
stderr:
  description: vzbridge's standard error (progress and messages).
  returned: always
  type: str
'''

import json
import os
import re

from ansible.module_utils.basic import AnsibleModule

def build_argv(module, executable, dry_run):
    p = module.params
    argv = [executable, '--json']
    if dry_run:
        argv.append('--dry-run')
    for name, flag in (('root', '--root'), ('tools', '--tools'), ('runtime', '--runtime'),
                       ('ct_netns', '--ct-netns')):
        if p[name] is not None:
            argv += [flag, str(p[name])]
    if p['confirm'] is not None:
        argv += ['--confirm', str(p['confirm'])]
    if p['per_command']:
        argv.append('--per-command')
    argv += ['-f', p['batch'] if p['batch'] else '-']
    return argv


def with_save_diffs(lines):
    """Adds 'save --diff ARGS' before each 'save ARGS' line, so the diff of every save is printed."""
    out = []
    for line in lines:
        words = line.split()
        if words and words[0] == 'save' and '--diff' not in words and '--check' not in words:
            out.append(' '.join(['save', '--diff'] + words[1:]))
        out.append(line)
    return out


def parse_documents(stdout):
    docs = []
    for line in stdout.splitlines():
        line = line.strip()
        if not line.startswith('{') and not line.startswith('['):
            continue
        try:
            docs.append(json.loads(line))
        except ValueError:
            continue
    return docs


def plan_text(plan):
    lines = ['# ' + (plan.get('command') or 'plan')]
    for change in plan.get('changes') or []:
        lines.append('  ' + change.get('summary', ''))
        for step in change.get('steps') or []:
            apply = step.get('apply') or {}
            if apply.get('argv'):
                lines.append('      ' + ' '.join(apply['argv']))
            elif apply.get('type'):
                lines.append('      (' + apply['type'] + ' ' + str(apply.get('path', '')) + ')')
    for path in plan.get('files') or []:
        lines.append('  writes ' + str(path))
    return '\n'.join(lines) + '\n'


def summarize(docs, check_mode):
    """Reads vzbridge's JSON envelopes (docs/json.md): plans, save's files, changed, the last transaction."""
    plans, files, changed, txid, state = [], [], False, None, None
    for doc in docs:
        if not isinstance(doc, dict):
            continue
        plan = doc.get('plan')
        if isinstance(plan, dict):
            plans.append(plan)
            # under --dry-run nothing is applied: a plan with changes is what would change
            if check_mode and doc.get('state') == 'planned' and plan.get('changes'):
                changed = True
        result = doc.get('result')
        if isinstance(result, dict) and 'inSync' in result and isinstance(result.get('files'), list):
            files.extend(f for f in result['files'] if isinstance(f, dict))
        if doc.get('changed') is True:
            changed = True
        if doc.get('txid'):
            txid, state = doc['txid'], doc.get('state')
    return plans, files, changed, txid, state


def error_message(docs, rc, stderr):
    for doc in reversed(docs):
        if isinstance(doc, dict) and doc.get('error'):
            return doc['error']
        if isinstance(doc, dict) and doc.get('exit') == rc and doc.get('summary'):
            return doc['summary']
    lines = [l for l in stderr.splitlines() if l.strip() and not re.match(r'^\[\d+/\d+\]', l)]
    return lines[-1] if lines else 'vzbridge exited with %d' % rc


def drift_lines(docs):
    for doc in reversed(docs):
        if isinstance(doc, dict) and doc.get('exit') == 3:
            return list(doc.get('details') or [])
    return []


def main():
    module = AnsibleModule(
        argument_spec=dict(
            commands=dict(type='list', elements='str'),
            batch=dict(type='path'),
            root=dict(type='path'),
            tools=dict(type='str', choices=['auto', 'iproute2', 'legacy']),
            runtime=dict(type='str', choices=['vzctl', 'netns']),
            ct_netns=dict(type='str'),
            per_command=dict(type='bool', default=False),
            confirm=dict(type='int'),
            executable=dict(type='path'),
        ),
        mutually_exclusive=[('commands', 'batch')],
        required_one_of=[('commands', 'batch')],
        supports_check_mode=True,
    )
    p = module.params
    if p['confirm'] is not None and p['confirm'] <= 0:
        module.fail_json(msg='confirm must be a positive number of seconds, got %d' % p['confirm'])

    executable = p['executable'] or module.get_bin_path('vzbridge', required=True)
    argv = build_argv(module, executable, module.check_mode)
    data = None
    if p['commands'] is not None:
        lines = with_save_diffs(p['commands']) if module._diff else list(p['commands'])
        data = '\n'.join(lines) + '\n'

    rc, stdout, stderr = module.run_command(argv, data=data, binary_data=True, use_unsafe_shell=False)
    docs = parse_documents(stdout)
    plans, files, changed, txid, state = summarize(docs, module.check_mode)

    result = dict(
        changed=changed,
        txid=txid,
        state=state,
        pending_confirm=state == 'pending-confirm',
        rc=rc,
        plans=plans,
        files=files,
        results=docs,
        ssh_connection=os.environ.get('SSH_CONNECTION'),
        stdout=stdout,
        stderr=stderr,
        cmd=argv,
    )
    if module._diff:
        diff = [dict(prepared=''.join(plan_text(pl) for pl in plans if pl.get('changes')))]
        for f in files:
            diff.append(dict(before_header=f.get('path'), after_header=f.get('path'), prepared=f.get('diff', '')))
        result['diff'] = diff

    if rc == 0:
        module.exit_json(**result)
    if rc == 3:
        result['drift'] = drift_lines(docs)
        module.fail_json(msg='vzbridge rolled back, but the node differs from its snapshot: '
                         + '; '.join(result['drift'] or [error_message(docs, rc, stderr)]), **result)
    if rc == 1:
        module.fail_json(msg='vzbridge failed and rolled back: ' + error_message(docs, rc, stderr), **result)
    module.fail_json(msg='vzbridge: ' + error_message(docs, rc, stderr), **result)


if __name__ == '__main__':
    main()
