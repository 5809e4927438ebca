from django.core.exceptions import ValidationError

from wagtail.blocks import StructBlockValidationError

import pytest

from home.blocks import CallToActionBlock, ContentBlocks, OptionalEmbedBlock


def test_call_to_action_needs_exactly_one_target():
    block = CallToActionBlock()
    value = block.to_python({"title": "Agir", "button_label": "Go", "url": "", "page": None})
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert error.value.block_errors["page"].messages == ["Choisissez une page ou un lien."]


def test_embeds_are_refused_while_disabled(settings):
    settings.TRAME_EMBEDS_ENABLED = False
    block = OptionalEmbedBlock()
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python("https://video.example.org/v/1"))
    assert error.value.messages == ["Les contenus intégrés sont désactivés sur cet intranet."]


@pytest.mark.django_db
def test_blocks_render_semantic_html():
    stream = ContentBlocks()
    figures = [{"figure": "26", "label": "Missions Locales"}]
    milestones = [{"date": "2017", "title": "Création", "text": ""}]
    value = stream.to_python(
        [
            {"type": "heading", "value": {"text": "Dates clés", "level": "h3"}},
            {"type": "key_figures", "value": {"heading": "", "figures": figures}},
            {"type": "timeline", "value": {"heading": "", "events": milestones}},
            {"type": "quote", "value": {"quote": "Ensemble.", "attribution": "Le réseau"}},
        ]
    )
    html = stream.render(value)
    assert '<h3 class="block-heading">Dates clés</h3>' in html
    assert '<span class="key-figure__figure">26</span>' in html
    assert '<ol class="timeline">' in html
    assert "<blockquote><p>Ensemble.</p></blockquote>" in html


def test_every_block_has_a_template_icon_and_description():
    for name, block in ContentBlocks().child_blocks.items():
        assert block.meta.template, name
        assert block.meta.icon, name
        assert block.meta.description, name
