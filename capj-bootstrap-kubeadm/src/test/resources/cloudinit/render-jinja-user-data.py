"""Renders '## template: jinja' user data the way cloud-init does at boot.

cloud-init's jinja part handler drops the header line and renders the rest with the instance data before
the cloud-config handler parses it; cloudinit.templater.render_string is that step. Usage:
  render-jinja-user-data.py <user-data> <rendered-output> <instance-data-json>
"""
import json
import sys

from cloudinit.templater import render_string

source, target, instance_data = sys.argv[1], sys.argv[2], sys.argv[3]
with open(source, encoding="utf-8") as f:
    payload = f.read()
rendered = render_string(payload, json.loads(instance_data))
with open(target, "w", encoding="utf-8") as f:
    f.write(rendered)
