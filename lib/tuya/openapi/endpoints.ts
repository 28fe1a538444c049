// Tuya OpenAPI paths the product uses. Shared by the client (lib/tuya) and the simulator (simulator/),
// so both sides of every call name the same route. Sources: docs/tuya-protocol.md §2.1,
// docs/tuya-devices.md §2–§4.
const enc = encodeURIComponent

export const TUYA_PATHS = {
  /** GET, grant_type=1 (simple mode). */
  token: '/v1.0/token',
  /** GET /v1.0/token/{refresh_token}: single use; invalidates the old pair. */
  refreshToken: (refreshToken: string) => `/v1.0/token/${enc(refreshToken)}`,

  /** GET ?last_row_key=&size= → {devices, last_row_key, has_more, total}: every device in the cloud project. */
  projectDevices: '/v1.0/iot-01/associated-users/devices',
  device: (deviceId: string) => `/v1.0/devices/${enc(deviceId)}`,
  deviceStatus: (deviceId: string) => `/v1.0/devices/${enc(deviceId)}/status`,
  deviceSpecifications: (deviceId: string) => `/v1.1/devices/${enc(deviceId)}/specifications`,
  /** GET → [{type, type_desc, current_version, version, upgrade_status, …}]: one entry per firmware module. */
  deviceFirmware: (deviceId: string) => `/v2.0/cloud/thing/${enc(deviceId)}/firmware`,
  /** POST {commands:[{code,value}]} */
  deviceCommands: (deviceId: string) => `/v1.0/devices/${enc(deviceId)}/commands`,

  /** GET ?page_no=&page_size=&start_time=&end_time= (ms) — legacy open logs. */
  lockOpenLogs: (deviceId: string) => `/v1.0/devices/${enc(deviceId)}/door-lock/open-logs`,
  /** GET ?page_no=&page_size=&start_time=&end_time=&target_standard_dp_codes= — unified lock records. */
  lockRecords: (deviceId: string) => `/v1.0/devices/${enc(deviceId)}/door-lock/records`,
  lockAlarmLogs: (deviceId: string) => `/v1.0/devices/${enc(deviceId)}/door-lock/alarm-logs`,
  lockLatestMediaUrl: (deviceId: string) => `/v1.0/devices/${enc(deviceId)}/door-lock/latest/media/url`,
  /** GET ?bucket=&file_path= → signed URL for an (encrypted) stored image. */
  movementConfigs: (deviceId: string) => `/v1.0/devices/${enc(deviceId)}/movement-configs`,
  /** GET ?device_id=&start_time=&end_time=&page_no=&page_size= — commercial access-control logs (model C). */
  accessControlLogs: '/v1.0/iot-02/access-control-logs',
  /** POST {type: "hls" | "rtsp"} → {url}: a camera's live view, signed and short-lived (docs/live-view.md). */
  streamAllocate: (deviceId: string) => `/v1.0/devices/${enc(deviceId)}/stream/actions/allocate`,

  /** POST → {ticket_id, ticket_key, expire_time}. */
  passwordTicket: (deviceId: string) => `/v1.0/devices/${enc(deviceId)}/door-lock/password-ticket`,
  /** POST {ticket_id, open: true} → true. Never retried blindly. */
  passwordFreeDoorOperate: (deviceId: string) => `/v1.0/smart-lock/devices/${enc(deviceId)}/password-free/door-operate`,
  remoteUnlocks: (deviceId: string) => `/v1.0/devices/${enc(deviceId)}/door-lock/remote-unlocks`,

  /** Lock members (model A). */
  lockUsers: (deviceId: string) => `/v1.0/smart-lock/devices/${enc(deviceId)}/users`,
  /** POST {nick_name, sex, …} → member id (model A, docs/tuya-devices.md §3.1). */
  lockMember: (deviceId: string) => `/v1.0/devices/${enc(deviceId)}/user`,
  /** POST {user_id, unlock_list:[{dp_code, unlock_sn}]} → true: bind already-enrolled credentials to a member. */
  lockAllocateOpModes: (deviceId: string) => `/v1.0/devices/${enc(deviceId)}/door-lock/opmodes/actions/allocate`,
  /**
   * POST → true: delete members (comma-separated ids) from the lock. Tuya's "Delete User" page for smart locks
   * (docs/tuya-devices.md §3.1).
   */
  lockDeleteMembers: (deviceId: string, userIds: string[]) =>
    `/v1.0/smart-lock/devices/${enc(deviceId)}/users/${userIds.map(enc).join(',')}/actions/delete-users-issue`,
  /**
   * DELETE → true: remove one user from a device (Tuya's device-management "Delete User"); PUT {nick_name, sex} →
   * true: rename it ("Modify device member"; docs/tuya-devices.md §3.1).
   */
  deviceUser: (deviceId: string, userId: string) => `/v1.0/devices/${enc(deviceId)}/users/${enc(userId)}`,
  /** POST temporary password {password (encrypted), effective_time, invalid_time, name}. */
  tempPassword: (deviceId: string) => `/v1.0/devices/${enc(deviceId)}/door-lock/temp-password`,
  tempPasswords: (deviceId: string) => `/v1.0/devices/${enc(deviceId)}/door-lock/temp-passwords`,
  tempPasswordById: (deviceId: string, passwordId: string) =>
    `/v1.0/devices/${enc(deviceId)}/door-lock/temp-passwords/${enc(passwordId)}`,

  /** Access-control persons (model C): POST/PUT/DELETE → {sn}. */
  acPerson: (deviceId: string, personId: string) => `/v1.0/access-control/${enc(deviceId)}/persons/${enc(personId)}`,
  acPersonFace: (deviceId: string, personId: string, faceId: string) =>
    `/v1.0/access-control/${enc(deviceId)}/persons/${enc(personId)}/faces/${enc(faceId)}`,
  acPersonCard: (deviceId: string, personId: string, cardNo: string) =>
    `/v1.0/access-control/${enc(deviceId)}/persons/${enc(personId)}/card/${enc(cardNo)}`,
  acPersonPassword: (deviceId: string, personId: string, password: string) =>
    `/v1.0/access-control/${enc(deviceId)}/persons/${enc(personId)}/passpwd/${enc(password)}`,
  acPersonOpen: (deviceId: string, personId: string) =>
    `/v1.0/access-control/${enc(deviceId)}/persons/${enc(personId)}/actions/open`,
} as const
