from rest_framework.views import APIView

from api.pagination import BoundedPagination


class TrameAPIView(APIView):
    """Authentication, permissions, throttles and errors come from REST_FRAMEWORK in the
    settings; this adds pagination to any list a view returns."""

    def paginate(self, items, serialize):
        paginator = BoundedPagination()
        page = paginator.paginate_queryset(items, self.request, view=self)
        return paginator.get_paginated_response([serialize(item) for item in page])
