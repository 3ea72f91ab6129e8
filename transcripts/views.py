from django.http import HttpResponse

def home(request): return HttpResponse("ok")
search = event_list = event_detail = utterance_permalink = speaker_list = speaker_detail = entity_list = entity_detail = home
