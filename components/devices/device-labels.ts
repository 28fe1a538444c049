// Words for device kinds, shared by the device list and the device page.
export const KIND_LABELS: Record<string, string> = {
  face_terminal: 'Face terminal',
  door_station: 'Door station',
  smart_lock: 'Smart lock',
  other: 'Device',
}

export const kindLabel = (category: string) => (Object.hasOwn(KIND_LABELS, category) ? KIND_LABELS[category] : category)
