from django_tasks import task


@task()
def extract_document(document_id: int) -> str:
    """Background extraction of one document (run at once in development and tests, by the
    database-backed worker in production: `manage.py db_worker`)."""
    from resources.models import ResourceDocument
    from resources.services import document_extract_text

    document = ResourceDocument.objects.filter(pk=document_id).first()
    if document is None:
        return "missing"
    return document_extract_text(document=document).extraction_status
