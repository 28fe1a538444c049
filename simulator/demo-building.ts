// The demo building the simulator plays, as plain data with fixed ids. The app's demo seed imports this file to
// create matching units, residents and devices, so ids here are a contract between the two: change them together.
import type { DeviceCategory } from '@/lib/domain/enums'

export type DemoBuildingBlock = { id: string; name: string }
export type DemoUnit = { id: string; blockId: string; label: string; floor: number }

export type DemoResident = {
  /** Stable id shared with the app's seed (the app's resident id in demo mode). */
  id: string
  /** Person id used on access-control devices (model C persons API, vendor `userId`). */
  tuyaPersonId: string
  name: string
  unitId: string
  phone: string
  /** Colour of the simulated face in snapshots, so a guard can tell residents apart at a glance. */
  faceColour: string
}

/** A person enrolled on an access-control face terminal or door station (model C persons/faces/cards/PINs). */
export type DemoPersonEnrolment = {
  residentId: string
  faceId?: string
  cardNo?: string
  pin?: string
}

/** A lock member (model A): credentials live on the lock as numbered slots; `unlock_face: 3` → faceSlot 3. */
export type DemoLockMember = {
  residentId: string
  /** Tuya lock user id (`user_id` in the users/records APIs). */
  lockUserId: string
  /** Member number on the lock (`lock_user_id`). */
  lockUserNo: number
  faceSlot?: number
  cardSlot?: number
  passwordSlot?: number
  fingerprintSlot?: number
  /** Slot flagged as a duress credential (`unlock_attr` 1): opening with it raises `hijack`. */
  duressPasswordSlot?: number
}

/** Tuya category code as the device list reports it. */
export type DemoTuyaCategory = 'mk' | 'sp' | 'jtmspro' | 'videolock'

/** Which of Tuya's access product models the device follows (docs/tuya-devices.md §0.1). */
export type DemoAccessModel = 'lock' | 'door_station' | 'access_control'

export type DemoDevice = {
  /** Tuya device id (22 chars, Tuya-like). */
  id: string
  name: string
  category: DemoTuyaCategory
  kind: DeviceCategory
  model: DemoAccessModel
  productId: string
  productName: string
  /** The product model the device details report (`model`). */
  productModel: string
  /** Firmware modules the firmware endpoint reports: channel (0 main module, 9 MCU) and current version. */
  firmware: { type: number; version: string }[]
  blockId: string
  location: string
  online: boolean
  /** Model C / door station persons with face, card and PIN. */
  persons: DemoPersonEnrolment[]
  /** Model A lock members with credential slots. */
  members: DemoLockMember[]
}

export type DemoBuilding = {
  site: { id: string; name: string; address: string; timeZone: string }
  blocks: DemoBuildingBlock[]
  units: DemoUnit[]
  residents: DemoResident[]
  devices: DemoDevice[]
  /** Tuya uid of the cloud project's developer account (token result `uid`, device `uid`). */
  ownerUid: string
}

const residents: DemoResident[] = [
  {
    id: 'res-alice-martin',
    tuyaPersonId: 'hvp0001alice',
    name: 'Alice Martin',
    unitId: 'unit-a-101',
    phone: '+44 7700 900101',
    faceColour: '#e07a5f',
  },
  {
    id: 'res-bruno-costa',
    tuyaPersonId: 'hvp0002bruno',
    name: 'Bruno Costa',
    unitId: 'unit-a-101',
    phone: '+44 7700 900102',
    faceColour: '#3d405b',
  },
  {
    id: 'res-chen-wei',
    tuyaPersonId: 'hvp0003chen',
    name: 'Chen Wei',
    unitId: 'unit-a-102',
    phone: '+44 7700 900103',
    faceColour: '#81b29a',
  },
  {
    id: 'res-dara-okafor',
    tuyaPersonId: 'hvp0004dara',
    name: 'Dara Okafor',
    unitId: 'unit-a-201',
    phone: '+44 7700 900104',
    faceColour: '#f2cc8f',
  },
  {
    id: 'res-elena-petrova',
    tuyaPersonId: 'hvp0005elena',
    name: 'Elena Petrova',
    unitId: 'unit-a-202',
    phone: '+44 7700 900105',
    faceColour: '#6d597a',
  },
  {
    id: 'res-farid-haddad',
    tuyaPersonId: 'hvp0006farid',
    name: 'Farid Haddad',
    unitId: 'unit-b-101',
    phone: '+44 7700 900106',
    faceColour: '#b56576',
  },
  {
    id: 'res-grace-lee',
    tuyaPersonId: 'hvp0007grace',
    name: 'Grace Lee',
    unitId: 'unit-b-102',
    phone: '+44 7700 900107',
    faceColour: '#355070',
  },
  {
    id: 'res-hugo-silva',
    tuyaPersonId: 'hvp0008hugo',
    name: 'Hugo Silva',
    unitId: 'unit-b-201',
    phone: '+44 7700 900108',
    faceColour: '#eaac8b',
  },
  {
    id: 'res-ines-garcia',
    tuyaPersonId: 'hvp0009ines',
    name: 'Inès García',
    unitId: 'unit-b-202',
    phone: '+44 7700 900109',
    faceColour: '#2a9d8f',
  },
  {
    id: 'res-jonas-berg',
    tuyaPersonId: 'hvp0010jonas',
    name: 'Jonas Berg',
    unitId: 'unit-b-202',
    phone: '+44 7700 900110',
    faceColour: '#e9c46a',
  },
]

const devices: DemoDevice[] = [
  {
    id: '6c92a754d55a80bc8ab7b9',
    name: 'Block A Lobby Face Terminal',
    category: 'mk',
    kind: 'face_terminal',
    model: 'access_control',
    productId: 'hvfacepanel7in0a',
    productName: 'Face Recognition Access Terminal 7"',
    productModel: 'HV-FT7',
    firmware: [
      { type: 0, version: '2.3.7' },
      { type: 9, version: '1.0.4' },
    ],
    blockId: 'block-a',
    location: 'Block A ground floor lobby',
    online: true,
    persons: [
      { residentId: 'res-alice-martin', faceId: 'face-alice-1', cardNo: '0A1B2C01', pin: '482913' },
      { residentId: 'res-bruno-costa', faceId: 'face-bruno-1', cardNo: '0A1B2C02' },
      { residentId: 'res-chen-wei', faceId: 'face-chen-1', pin: '771204' },
      { residentId: 'res-dara-okafor', faceId: 'face-dara-1', cardNo: '0A1B2C04', pin: '305518' },
      { residentId: 'res-elena-petrova', faceId: 'face-elena-1' },
    ],
    members: [],
  },
  {
    id: '6c44255977b6330bd9fbb6',
    name: 'Block B Lobby Face Terminal',
    category: 'mk',
    kind: 'face_terminal',
    model: 'access_control',
    productId: 'hvfacepanel7in0a',
    productName: 'Face Recognition Access Terminal 7"',
    productModel: 'HV-FT7',
    firmware: [
      { type: 0, version: '2.3.7' },
      { type: 9, version: '1.0.4' },
    ],
    blockId: 'block-b',
    location: 'Block B ground floor lobby',
    online: true,
    persons: [
      { residentId: 'res-farid-haddad', faceId: 'face-farid-1', cardNo: '0B2C3D06' },
      { residentId: 'res-grace-lee', faceId: 'face-grace-1', pin: '640027' },
      { residentId: 'res-hugo-silva', faceId: 'face-hugo-1', cardNo: '0B2C3D08', pin: '118845' },
      { residentId: 'res-ines-garcia', faceId: 'face-ines-1', cardNo: '0B2C3D09' },
      { residentId: 'res-jonas-berg', faceId: 'face-jonas-1', pin: '920461' },
    ],
    members: [],
  },
  {
    id: 'bf348821297087120320xq',
    name: 'Main Gate Video Door Station',
    category: 'sp',
    kind: 'door_station',
    model: 'door_station',
    productId: 'hvdoorstation2ka',
    productName: 'Video Door Station with Face Unlock',
    productModel: 'HV-DS2K',
    firmware: [
      { type: 0, version: '3.1.12' },
      { type: 9, version: '1.2.0' },
    ],
    blockId: 'block-a',
    location: 'Harbour Road main gate',
    online: true,
    persons: residents.map((r, i) => ({
      residentId: r.id,
      faceId: `gate-face-${i + 1}`,
      cardNo: i % 2 === 1 ? `0C3D4E${String(i).padStart(2, '0')}` : undefined,
      pin: i % 3 === 0 ? String(210000 + i * 1111) : undefined,
    })),
    members: [],
  },
  {
    id: 'bf025e39451359bc0658pa',
    name: 'Residents Gym Smart Lock',
    category: 'jtmspro',
    kind: 'smart_lock',
    model: 'lock',
    productId: 'hvjtmsprogym0001',
    productName: 'Residential Lock Pro (face)',
    productModel: 'HV-LP3F',
    firmware: [
      { type: 0, version: '1.5.2' },
      { type: 9, version: '2.0.1' },
    ],
    blockId: 'block-a',
    location: 'Block A basement gym',
    online: true,
    persons: [],
    members: [
      {
        residentId: 'res-alice-martin',
        lockUserId: '0000004pnk',
        lockUserNo: 1,
        faceSlot: 1,
        cardSlot: 1,
        passwordSlot: 1,
      },
      { residentId: 'res-chen-wei', lockUserId: '0000004pnm', lockUserNo: 2, faceSlot: 2, fingerprintSlot: 2 },
      {
        residentId: 'res-dara-okafor',
        lockUserId: '0000004pnq',
        lockUserNo: 3,
        faceSlot: 3,
        cardSlot: 3,
        passwordSlot: 3,
        duressPasswordSlot: 13,
      },
      { residentId: 'res-hugo-silva', lockUserId: '0000004pnx', lockUserNo: 4, faceSlot: 4, passwordSlot: 4 },
    ],
  },
  {
    id: 'bfc9b47e3f9cae029e22ml',
    name: 'Bike Store Video Lock',
    category: 'videolock',
    kind: 'smart_lock',
    model: 'lock',
    productId: 'hvvideolockbike1',
    productName: 'Video Intercom Lock',
    productModel: 'HV-VL1',
    firmware: [
      { type: 0, version: '1.8.0' },
      { type: 9, version: '1.1.3' },
    ],
    blockId: 'block-b',
    location: 'Block B bike store',
    online: true,
    persons: [],
    members: [
      { residentId: 'res-farid-haddad', lockUserId: '0000005qa1', lockUserNo: 1, faceSlot: 1, cardSlot: 1 },
      { residentId: 'res-grace-lee', lockUserId: '0000005qa2', lockUserNo: 2, faceSlot: 2, passwordSlot: 2 },
      {
        residentId: 'res-jonas-berg',
        lockUserId: '0000005qa3',
        lockUserNo: 3,
        faceSlot: 3,
        cardSlot: 3,
        passwordSlot: 3,
      },
    ],
  },
]

export const DEMO_BUILDING: DemoBuilding = {
  site: {
    id: 'site-harbour-view',
    name: 'Harbour View Residences',
    address: '12 Harbour Road, Portside',
    timeZone: 'Europe/London',
  },
  blocks: [
    { id: 'block-a', name: 'Block A (North Tower)' },
    { id: 'block-b', name: 'Block B (South Tower)' },
  ],
  units: [
    { id: 'unit-a-101', blockId: 'block-a', label: 'A-101', floor: 1 },
    { id: 'unit-a-102', blockId: 'block-a', label: 'A-102', floor: 1 },
    { id: 'unit-a-201', blockId: 'block-a', label: 'A-201', floor: 2 },
    { id: 'unit-a-202', blockId: 'block-a', label: 'A-202', floor: 2 },
    { id: 'unit-b-101', blockId: 'block-b', label: 'B-101', floor: 1 },
    { id: 'unit-b-102', blockId: 'block-b', label: 'B-102', floor: 1 },
    { id: 'unit-b-201', blockId: 'block-b', label: 'B-201', floor: 2 },
    { id: 'unit-b-202', blockId: 'block-b', label: 'B-202', floor: 2 },
  ],
  residents,
  devices,
  ownerUid: 'bay1764100000hvrK3pQ',
}
