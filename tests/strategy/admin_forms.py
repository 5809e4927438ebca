"""What a browser posts back from a Wagtail page form as it was rendered: the fields' values,
the formsets' management data, and each stream field as its JavaScript writes it."""

from wagtail.blocks import ListBlock, StreamBlock, StructBlock
from wagtail.fields import StreamField


def _block_data(block, state, prefix, data):
    if isinstance(block, StreamBlock):
        data[f"{prefix}-count"] = len(state)
        for index, child in enumerate(state):
            item = f"{prefix}-{index}"
            data.update({f"{item}-type": child["type"], f"{item}-order": index,
                         f"{item}-deleted": "", f"{item}-id": child.get("id") or ""})  # fmt: skip
            _block_data(block.child_blocks[child["type"]], child["value"], f"{item}-value", data)
    elif isinstance(block, ListBlock):
        data[f"{prefix}-count"] = len(state)
        for index, child in enumerate(state):
            item = f"{prefix}-{index}"
            data.update({f"{item}-order": index, f"{item}-deleted": "",
                         f"{item}-id": child.get("id") or ""})  # fmt: skip
            _block_data(block.child_block, child["value"], f"{item}-value", data)
    elif isinstance(block, StructBlock):
        for name, child_block in block.child_blocks.items():
            _block_data(child_block, state[name], f"{prefix}-{name}", data)
    elif isinstance(state, list):
        data[prefix] = [str(item) for item in state]
    else:
        data[prefix] = "" if state is None else state


def page_form_data(form) -> dict:
    """The POST data of the page form `form` (from a response's context) as rendered."""
    data = {}
    model_fields = {field.name: field for field in form.instance._meta.get_fields()}
    for name, bound in form.fields.items():
        value = form[name].value()
        model_field = model_fields.get(name)
        if isinstance(model_field, StreamField):
            stream = getattr(form.instance, name)
            _block_data(model_field.stream_block, model_field.stream_block.get_form_state(stream),
                        name, data)  # fmt: skip
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, list | tuple):
            data[name] = [str(item) for item in value]
        elif value is not None:
            data[name] = bound.widget.format_value(value) or ""
    for formset in getattr(form, "formsets", {}).values():
        management = formset.management_form
        for name in management.fields:
            data[f"{formset.prefix}-{name}"] = management[name].value()
    return data
